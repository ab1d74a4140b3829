// Issue 10, what only the pane shows: the Report page knows the report is stale after a verdict
// typed in the grid (no Inspect page open: the session watches the sheet, and the inspector and
// time follow); the Inspect page explains the two ways to escalate and counts them once; and a
// report saved to .xlsx, opened again and refreshed works — twice.
require('tsx/cjs');
const fs = require('node:fs');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');

module.exports = async function loopCorrectness(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  const pane = page.locator('#pane');
  const tab = (key) => pane.getByRole('tab', { name: L(key) });

  await page.goto(`${t.baseUrl}/workbench.html?lang=en`);
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();
  await tab('page.sample').click();
  await pane.getByLabel(L('sample.batch')).fill('W1');
  await pane.getByRole('radio', { name: L('sample.size.iso2859') }).check();
  await pane.getByRole('button', { name: L('sample.draw') }).click();
  await pane.getByText(pattern('sample.drawn')).waitFor({ timeout: 20000 });

  // The Inspect page: the inspector's name, and what "escalate" means.
  await tab('page.inspect').click();
  await pane.getByText(L('inspect.escalationHelp')).waitFor();
  await pane.getByLabel(L('inspect.inspector')).fill('qa.alex');

  // Build the report, then type a verdict into the sheet while the Report page is open.
  await tab('page.report').click();
  await pane.getByRole('button', { name: L('report.build') }).click();
  await pane.getByText(L('report.built', { sheet: 'QA Report W1' })).waitFor({ timeout: 20000 });
  t.check((await pane.getByTestId('report-stale').count()) === 0, 'a fresh report is not stale');
  await page.getByRole('tab', { name: 'QA W1' }).click();
  await page.evaluate(() => {
    const { book } = window.__workbench;
    book.model.selection = { sheet: book.model.activeSheet, rect: { row: 1, column: 12, rowCount: 1, columnCount: 1 } };
    book.notify();
  });
  await page.locator('[data-cell=M2][aria-selected=true]').waitFor();
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('Enter');
  const dropdown = page.getByRole('combobox', { name: L('wb.edit', { cell: 'M2' }) });
  await dropdown.waitFor();
  await dropdown.selectOption('escalate');
  await pane.getByTestId('report-stale').waitFor({ timeout: 10000 });
  // Off-screen columns of the grid are not drawn: the workbook itself is read.
  const row2 = await page.evaluate(() => window.__workbench.book.valuesOf('QA W1')[1]);
  t.check(
    row2[18] === 'qa.alex' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(String(row2[19])),
    `the inspector and time follow the grid verdict: ${row2[18]} ${row2[19]}`,
  );
  t.check(row2[17] === 'yes', 'a verdict of escalate marks the escalate column');
  t.check(
    (await pane.getByText(L('report.built', { sheet: 'QA Report W1' })).count()) === 0,
    'a stale report is not called up to date',
  );
  await t.screenshot('stale-report');

  // Inspect counts the escalation the same way the report does.
  await tab('page.inspect').click();
  await pane
    .getByText(L('inspect.progressEscalated', { done: 0, total: 50, escalated: 1, awaiting: 1 }))
    .first()
    .waitFor();
  await tab('page.report').click();
  await pane.getByRole('button', { name: L('report.refresh') }).click();
  await pane.getByText(pattern('report.built')).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=report-stale]'));
  const escalatedRow = pane.getByRole('row', { name: new RegExp(escape(L('report.escalated'))) });
  t.check(/\b1\b/.test(await escalatedRow.innerText()), `escalated: ${await escalatedRow.innerText()}`);

  // Save → reopen → refresh, twice: no "Excel could not finish (ItemNotFound)".
  for (const sitting of [1, 2]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: L('wb.save') }).click(),
    ]);
    const saved = t.artifact(`loop-correctness-${sitting}.xlsx`);
    await download.saveAs(saved);
    await page.getByTestId('open-file').setInputFiles({
      name: `loop-correctness-${sitting}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fs.readFileSync(saved),
    });
    await page.getByText(L('wb.opened', { file: `loop-correctness-${sitting}.xlsx` })).waitFor();
    await tab('page.inspect').click();
    await tab('page.report').click();
    await pane.getByRole('button', { name: L('report.refresh') }).click();
    await pane.getByText(pattern('report.built')).waitFor({ timeout: 20000 });
    t.check(
      (await pane.getByText(/could not finish/).count()) === 0,
      `sitting ${sitting}: refresh after reopening works`,
    );
  }
  await t.screenshot('refreshed-after-reopen');
};
module.exports.viewport = { width: 1366, height: 768 };
