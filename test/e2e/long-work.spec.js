// Issue 10, long work: Validate on a large generated sheet shows its progress, Cancel stops it
// (no sheet written), the page keeps answering throughout (a 10 ms heartbeat
// keeps ticking), and Validate runs again to the end.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (key) => new RegExp(translate(key, {}, 'en').split(/\{\w+\}/).map(escape).join('.*'));
const ROWS = 60000;

module.exports = async function longWork(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  const pane = page.locator('#pane');

  await page.goto(`${t.baseUrl}/workbench.html?lang=en&rows=${ROWS}`);
  await pane.getByRole('button', { name: L('map.confirm') }).click({ timeout: 60000 });
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

  // The ribbon's Validate opens the page and validates.
  await page.locator('[data-command=validate]').click();
  // Progress: "n of 60,000", moving.
  const progress = pane.getByText(new RegExp(`of ${ROWS.toLocaleString('en-US')}$`));
  await progress.waitFor({ timeout: 30000 });
  const first = await progress.innerText();
  await page.waitForFunction((text) => [...document.querySelectorAll('#pane *')].some((e) => e.children.length === 0 && /of 60,000$/.test(e.textContent) && e.textContent !== text), first, { timeout: 20000 });
  await t.screenshot('1-progress');
  await pane.getByRole('button', { name: L('ui.cancel') }).click();
  await pane.getByText(L('flow.error.cancelled')).waitFor({ timeout: 20000 });
  const beat = await page.evaluate(() => ({ gap: window.__beat.gap, beats: window.__beat.beats }));
  t.check(beat.gap < 2000, `the page kept answering while validating: longest heartbeat gap ${Math.round(beat.gap)} ms over ${beat.beats} beats`);
  const sheetsAfter = await page.evaluate(() => window.__workbench.book.model.sheets.map((s) => s.name));
  t.check(JSON.stringify(sheetsAfter) === JSON.stringify(sheetsBefore), `a cancelled validate writes no sheet: ${sheetsAfter.join(', ')}`);
  await t.screenshot('2-cancelled');

  // Run again to the end.
  await pane.getByRole('button', { name: L('validate.run') }).click();
  await pane.getByText(pattern('validate.checked')).waitFor({ timeout: 120000 });
  const checked = await pane.getByText(pattern('validate.checked')).innerText();
  t.check(checked.startsWith(`${ROWS.toLocaleString('en-US')} decisions checked`), `validated again: ${checked}`);
  await page.getByRole('tab', { name: 'QA Findings' }).waitFor();
};
module.exports.viewport = { width: 1366, height: 768 };
