// Issue 10, scored as the analyst scores, in the pane: an item the moderator approved, removed by
// QA under a severity-3 policy (picked in the policy field), carries severity 3 (the more severe of
// the two policies) and counts as under-enforcement; the report built from the pane says what its
// lot size counts (items) and labels its kappa as verdict only, with the verdict-and-policy kappa
// beside it; a local Japanese term typed over a policy in the decisions sheet is known by the
// taxonomy's aliases (no unknown policy).
const { openInspect } = require('./inspect');
const { columnLetter } = require('../../src/excelSpec/a1.ts');

module.exports = async function loopScoring(t) {
  const { page } = t;
  const s = await openInspect(t, 'en', 'S1');
  const { L, pane, picker } = s;
  const verdictButton = (n, v) => pane.getByRole('button', { name: `${n} ${L(`verdict.${v}`)}`, exact: true });

  // Missed harm: the first item the moderator approved.
  const { rows } = await s.rows();
  const index = rows.findIndex((r) => r.verdict === 'approve');
  t.check(index >= 0, 'the sample holds an approved item');
  const row = index + 2;
  await pane.getByLabel(L('inspect.jump')).fill(String(row));
  await pane.getByRole('button', { name: L('inspect.jumpGo'), exact: true }).click();
  await s.waitForRow(row);
  await verdictButton(2, 'remove').click();
  await picker.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SAF.HARASS');
  await page.waitForFunction(() =>
    document.querySelector('#pane [role=option]')?.textContent?.startsWith('SAF.HARASS'),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await pane.getByRole('button', { name: L('inspect.save'), exact: true }).click();
  await page.waitForFunction(
    ([name, r]) => window.__workbench.book.valuesOf(name)[r - 1].includes('SAF.HARASS'),
    [s.sheet, row],
    { timeout: 10000 },
  );
  const sheet = await s.rows();
  t.check(
    sheet.cell(row, 'qa_verdict') === 'remove' && sheet.cell(row, 'qa_policy') === 'SAF.HARASS',
    `saved: ${sheet.cell(row, 'qa_verdict')} ${sheet.cell(row, 'qa_policy')}`,
  );
  t.check(
    Number(sheet.cell(row, 'severity')) === 3,
    `missed harm under a severity-3 policy has severity 3: ${sheet.cell(row, 'severity')}`,
  );
  t.check(
    String(sheet.cell(row, 'outcome')) !== 'pending' && String(sheet.cell(row, 'outcome')) !== '',
    `an outcome is recorded: ${sheet.cell(row, 'outcome')}`,
  );

  // The report, built from the pane: what the lot size counts, and which kappa is which.
  await pane.getByRole('tab', { name: L('page.report') }).click();
  await pane.getByRole('button', { name: L('report.build') }).click();
  await pane.getByText(L('report.built', { sheet: 'QA Report S1' })).waitFor({ timeout: 20000 });
  const report = await page.evaluate(() => window.__workbench.book.valuesOf('QA Report S1'));
  const labels = report.slice(0, 21).map((r) => String(r[0]));
  t.check(
    labels.includes(L('report.lotSize')),
    `the report names its lot unit: ${labels.filter((l) => /lot/i.test(l)).join(' | ')}`,
  );
  const lotRow = report[labels.indexOf(L('report.lotSize'))];
  const decisionsRows = await page.evaluate(() => window.__workbench.book.valuesOf('Decisions').length - 1);
  t.check(
    Number(lotRow[1]) > 0 && Number(lotRow[1]) <= decisionsRows,
    `lot size ${lotRow[1]} of ${decisionsRows} decision rows`,
  );
  t.check(
    labels.includes(L('report.kappa')) && labels.includes(L('report.kappaWithPolicy')),
    `both kappas, labelled: ${labels.filter((l) => /kappa/i.test(l)).join(' | ')}`,
  );
  await t.screenshot('scored-report');

  // A local Japanese term typed over a policy in the decisions sheet is known by the taxonomy's
  // aliases: Validate raises no unknown policy for it.
  const header = await page.evaluate(() => window.__workbench.book.valuesOf('Decisions')[0]);
  const policyColumn = header.findIndex((h) => /^policy/i.test(String(h)));
  t.check(policyColumn >= 0, `the decisions sheet has a policy column: ${header.join(', ')}`);
  await page.getByRole('tab', { name: 'Decisions' }).click();
  await page.evaluate((column) => {
    const { book } = window.__workbench;
    book.model.selection = {
      sheet: book.model.sheet('Decisions'),
      rect: { row: 2, column, rowCount: 1, columnCount: 1 },
    };
    book.notify();
  }, policyColumn);
  const address = `${columnLetter(policyColumn)}3`;
  await page.locator(`[data-cell=${address}][aria-selected=true]`).waitFor();
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: L('wb.edit', { cell: address }) });
  await editor.fill('ヘイトスピーチ');
  await editor.press('Enter');
  await page.waitForFunction(
    (column) => window.__workbench.book.valuesOf('Decisions')[2][column] === 'ヘイトスピーチ',
    policyColumn,
  );
  await page.locator('[data-command=validate]').click();
  await pane.getByText(/decisions checked in/).waitFor({ timeout: 20000 });
  const findings = await page.evaluate(() => window.__workbench.book.valuesOf('QA Findings'));
  t.check(findings.length > 1, `validation wrote its findings: ${findings.length - 1}`);
  const atCell = findings.filter((r) => String(r[1]) === `Decisions!${address}` && String(r[2]) === 'unknown_policy');
  t.check(atCell.length === 0, `ヘイトスピーチ is known by its alias: ${JSON.stringify(atCell)}`);
};
module.exports.viewport = { width: 1366, height: 768 };
