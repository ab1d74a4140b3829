// The task pane shell in a real browser: it starts, registers the ribbon functions, passes an
// axe check, and switches to Japanese.
const { AxeBuilder } = require('@axe-core/playwright');

// Fluent UI's focus manager (Tabster) adds invisible focus sentinels marked data-tabster-dummy;
// they are its documented mechanism, not page content, and axe flags them as aria-hidden-focus.
const axe = (page) => new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();

module.exports = async (t) => {
  const { page } = t;
  await page.goto(`${t.baseUrl}/taskpane.html`);
  await page.getByRole('heading', { level: 1, name: 'Moderation QA' }).waitFor();
  const associated = await page.evaluate(() => window.__associated);
  // Every command of the registry is an ExecuteFunction action, so every one is associated.
  const COMMANDS = ['openPane', 'validate', 'newSample', 'refreshReport', 'nextItem', 'showTrends'];
  t.check(
    COMMANDS.every((id) => associated.includes(id)),
    `ribbon functions associated: ${associated}`,
  );
  await page.getByText('Map your decisions sheet').waitFor();
  await t.screenshot('en-map');
  const report = await axe(page);
  t.check(
    report.violations.length === 0,
    `axe: ${report.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`,
  );
  await page.getByRole('tab', { name: 'Sample' }).click();
  await page.getByText('Batch name').waitFor();
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: '日本語' }).click();
  await page.getByRole('heading', { level: 1, name: 'モデレーション QA' }).waitFor();
  await page.getByText('バッチ名').waitFor();
  await t.screenshot('ja-sample');
  const axeJa = await axe(page);
  t.check(
    axeJa.violations.length === 0,
    `axe (ja): ${axeJa.violations.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`,
  );
};
