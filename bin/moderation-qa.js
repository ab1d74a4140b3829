#!/usr/bin/env node
// The CLI runs compiled (dist-cli/, built by `npm run build:cli`, which `npm ci` runs through the
// "prepare" script), so it starts in well under a second. When that build is missing or older
// than a source file (a developer editing src/), it runs the sources through tsx instead, in a
// child process with tsx's loader (the sources load their heavy modules with import(), which
// needs tsx's ESM hook as well as its CommonJS one).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist-cli', 'cli', 'main.js');

/** The newest modification time of the sources under src/ (tests excluded), in ms. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function compiledIsFresh() {
  if (process.env.MQA_CLI_TSX === '1') return false;
  let built = 0;
  try {
    built = fs.statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
  const src = path.join(root, 'src');
  return !fs.existsSync(src) || newestSource(src) <= built;
}

if (compiledIsFresh()) {
  require(compiled)
    .main(process.argv.slice(2), {
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
      env: process.env,
      isTTY: Boolean(process.stderr.isTTY),
      now: () => Date.now(),
    })
    .then((code) => {
      process.exitCode = code;
    });
} else {
  const { spawnSync } = require('node:child_process');
  const { pathToFileURL } = require('node:url');
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 2;
}
