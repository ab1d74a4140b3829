// Issue 10, long work: an analyst opens a large export (a generated .xlsx) and validates it:
// Validate shows its progress, Cancel stops it
// (no sheet written), the page keeps answering throughout (a 10 ms heartbeat
// keeps ticking), and Validate runs again to the end.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');

const ROWS = 50000;

/** A generated decisions export of `rows` rows as .xlsx bytes (written by the product's own writer). */
async function generatedExport(rows) {
  const { demoWorkbook } = require('../../src/workbench/files.ts');
  const { exportXlsx } = require('../../src/emulator/xlsx.ts');
  return Buffer.from(await exportXlsx(demoWorkbook('en', Date.UTC(2026, 10, 24), rows).model));
}

module.exports = async function longWork(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  const pane = page.locator('#pane');

  const file = await generatedExport(ROWS);
  await page.goto(`${t.baseUrl}/workbench.html?lang=en`);
  await pane.getByRole('button', { name: L('map.confirm') }).waitFor();
  await page.getByTestId('open-file').setInputFiles({
    name: 'export.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await page.getByText(L('wb.opened', { file: 'export.xlsx' })).waitFor({ timeout: 60000 });
  await pane.getByText(L('map.sheet', { sheet: 'Decisions', row: 1 })).waitFor({ timeout: 30000 });
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();
  await page.evaluate(() => {
    const beat = { gap: 0, beats: 0, last: performance.now() };
    window.__beat = beat;
    const tick = () => {
      const now = performance.now();
      beat.gap = Math.max(beat.gap, now - beat.last);
      beat.beats++;
      beat.last = now;
      beat.timer = setTimeout(tick, 10);
    };
    tick();
  });
  const sheetsBefore = await page.evaluate(() => window.__workbench.book.model.sheets.map((s) => s.name));

  // Each sync a round trip of 400 ms, as on Excel on the web over a slow link: the read lasts
  // long enough for Cancel on any machine. Progress texts are recorded as the page shows them.
  await page.evaluate(() => {
    window.__workbench.book.hooks.beforeSync = () => new Promise((resolve) => setTimeout(resolve, 400));
    window.__progress = [];
    new MutationObserver(() => {
      const shown = [...document.querySelectorAll('#pane *')].find(
        (e) => e.children.length === 0 && /\d of [\d,]+$/.test(e.textContent ?? ''),
      );
      if (shown && window.__progress.at(-1) !== shown.textContent) window.__progress.push(shown.textContent);
    }).observe(document.getElementById('pane'), { subtree: true, childList: true, characterData: true });
  });
  // The ribbon's Validate opens the page and validates.
  await page.locator('[data-command=validate]').click();
  await pane.getByText(new RegExp(`of ${ROWS.toLocaleString('en-US')}$`)).waitFor({ timeout: 30000 });
  await page.waitForFunction(() => window.__progress.length >= 2, undefined, { timeout: 20000 });
  await t.screenshot('1-progress');
  await pane.getByRole('button', { name: L('ui.cancel') }).click();
  await pane.getByText(L('flow.error.cancelled')).waitFor({ timeout: 20000 });
  const beat = await page.evaluate(() => ({ gap: window.__beat.gap, beats: window.__beat.beats }));
  const shown = await page.evaluate(() => window.__progress);
  t.check(
    shown.length >= 2 && shown.every((p) => p.endsWith(`of ${(50000).toLocaleString('en-US')}`)),
    `progress moved: ${shown.join(' → ')}`,
  );
  t.check(
    beat.gap < 2000,
    `the page kept answering while validating: ` +
      `longest heartbeat gap ${Math.round(beat.gap)} ms over ${beat.beats} beats`,
  );
  console.log(
    `  long-work: longest heartbeat gap ${Math.round(beat.gap)} ms ` +
      `over ${beat.beats} beats while validating ${ROWS} rows`,
  );
  // The taxonomy sheet is set up before the read (first use); the findings are written only at the end.
  const sheetsAfter = await page.evaluate(() => window.__workbench.book.model.sheets.map((s) => s.name));
  t.check(
    JSON.stringify(sheetsAfter.filter((n) => n !== 'QA Taxonomy')) === JSON.stringify(sheetsBefore),
    `a cancelled validate writes no findings: ${sheetsAfter.join(', ')}`,
  );
  await t.screenshot('2-cancelled');

  // Run again to the end (round trips at full speed again).
  await page.evaluate(() => (window.__workbench.book.hooks.beforeSync = undefined));
  await pane.getByRole('button', { name: L('validate.run') }).click();
  await pane.getByText(pattern('validate.checked')).waitFor({ timeout: 120000 });
  const checked = await pane.getByText(pattern('validate.checked')).innerText();
  t.check(checked.startsWith(`${ROWS.toLocaleString('en-US')} decisions checked`), `validated again: ${checked}`);
  await page.getByRole('tab', { name: 'QA Findings' }).waitFor();
};
module.exports.viewport = { width: 1366, height: 768 };
