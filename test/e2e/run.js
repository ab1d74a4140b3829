#!/usr/bin/env node
/**
 * Browser tests: builds dist/ (production, what ships, plus the workbench: `--env workbench`),
 * serves it on a loopback port, and runs each test/e2e/*.spec.js in Debian's Chromium through
 * playwright-core. A spec exports `async (t) => { … }` where t = { page, baseUrl, browser,
 * screenshot(name), check(cond, message), artifact(name) }, and may export `viewport`.
 * Results go to test-results/e2e.json ({ passed, failed }); screenshots to test-results/screenshots.
 * Without Chromium the run is skipped with a message, except under CI=true, where it fails.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ARGS, CHROMIUM, serve } = require('./browser');

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const results = path.join(root, 'test-results');
async function main() {
  fs.mkdirSync(path.join(results, 'screenshots'), { recursive: true });
  const write = (r) => fs.writeFileSync(path.join(results, 'e2e.json'), JSON.stringify(r, null, 2));
  if (!fs.existsSync(CHROMIUM)) {
    const msg =
      `Chromium not found at ${CHROMIUM}: ` + 'install it with "apt-get install -y chromium" to run the browser tests.';
    if (process.env.CI) {
      console.error(msg);
      write({ passed: 0, failed: 1, skipped: 0 });
      process.exit(1);
    }
    console.warn(`${msg} Skipping them.`);
    write({ passed: 0, failed: 0, skipped: 1 });
    return;
  }
  // Always build: a stale dist/ would test yesterday's code.
  if (!process.env.E2E_SKIP_BUILD)
    execFileSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'workbench'],
      { cwd: root, stdio: 'inherit' },
    );
  const server = await serve(dist);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const only = process.argv[2];
  const specs = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.js') && (!only || f.includes(only)))
    .sort();
  let passed = 0;
  let failed = 0;
  for (const file of specs) {
    const spec = require(path.join(__dirname, file));
    const context = await browser.newContext({
      viewport: spec.viewport || { width: 420, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // Nothing leaves the machine: Office.js is replaced by a stub, every other outside request is refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(baseUrl)) return route.continue();
      if (url.includes('appsforoffice.microsoft.com'))
        return route.fulfill({
          contentType: 'text/javascript',
          body: fs.readFileSync(path.join(__dirname, 'officeStub.js'), 'utf8'),
        });
      return route.abort();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t = {
      page,
      baseUrl,
      browser,
      screenshot: (name) =>
        page.screenshot({ path: path.join(results, 'screenshots', `${file.replace('.spec.js', '')}-${name}.png`) }),
      artifact: (name) => path.join(results, name),
      check(cond, message) {
        if (!cond) throw new Error(message);
      },
      errors,
    };
    const started = Date.now();
    try {
      await spec(t);
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
      passed++;
      console.log(`✓ ${file} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.error(
        `✗ ${file}: ${error.message}${errors.length ? `\n  errors in the page: ${errors.join('; ')}` : ''}`,
      );
      await t.screenshot('failure').catch(() => undefined);
    }
    await context.close();
  }
  await browser.close();
  server.close();
  write({ passed, failed, skipped: 0 });
  console.log(`browser tests: ${passed} passed, ${failed} failed`);
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
