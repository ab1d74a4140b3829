// The lead's week in the workbench, in one language: a workbook with three weekly batches (built
// with the real flows in Node, every item inspected, one moderator slipping) is opened; Trends
// flags the slip and moves that moderator to tightened inspection; the Sample page offers the
// tightened plan and draws with it; errors get reasons in the pane and the sheet's dropdown; a
// coaching sheet is written and downloaded for one moderator; a dispute is overturned and the
// report's figures change. Every page passes an axe check; each step leaves a screenshot.
require('tsx/cjs');
const fs = require('node:fs');
const { AxeBuilder } = require('@axe-core/playwright');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');
const { threeWeeksBook, SLIPPING } = require('../helpers/threeWeeks.ts');
const { exportXlsx, importXlsx } = require('../../src/emulator/xlsx.ts');
const { planForLetter } = require('../../src/core/iso2859/samplingPlan.ts');
const { readInspectionRows } = require('../../src/flows/inspectionRows.ts');
const { locateInspectionColumns } = require('../../src/flows/schema/inspectionSheet.ts');
const { columnLetter } = require('../../src/excelSpec/a1.ts');

async function axeCheck(t, page, where) {
  const report = await new AxeBuilder({ page }).include('#pane').exclude('[data-tabster-dummy]').analyze();
  t.check(
    report.violations.length === 0,
    `axe on ${where}: ${report.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0]?.target})`).join(', ')}`,
  );
}

module.exports = async function lead(t, lang) {
  const { page } = t;
  const L = (key, params) => translate(key, params, lang);
  const pane = page.locator('#pane');
  const tab = (key) => pane.getByRole('tab', { name: L(key) });
  const sheetTab = (name) => page.getByRole('tab', { name, exact: true });

  // 1. Three weeks of batches, saved as a file and opened in the workbench.
  const book = await threeWeeksBook(lang);
  const file = t.artifact(`lead-${lang}-three-weeks.xlsx`);
  fs.writeFileSync(file, await exportXlsx(book.model));
  await page.goto(`${t.baseUrl}/workbench.html?lang=${lang}`);
  await page.getByTestId('open-file').setInputFiles(file);
  await page.getByText(L('wb.opened', { file: `lead-${lang}-three-weeks.xlsx` })).waitFor();

  // 2. Trends: the slipping moderator is flagged with the two batches; switching moves them to tightened.
  await tab('page.trends').click();
  await pane.getByRole('button', { name: L('trend.build') }).click();
  await pane.getByText(L('trend.built', { sheet: 'QA Trends', batches: 3 })).waitFor({ timeout: 20000 });
  const flags = pane.getByRole('list', { name: L('trend.flags') });
  const flagged = await flags.innerText();
  t.check(
    flagged.includes(SLIPPING) && flagged.includes('W45') && flagged.includes('W47'),
    `the slip is flagged with its batches: ${flagged}`,
  );
  const switching = pane.getByRole('row', { name: new RegExp(`^${escape(SLIPPING)}`) });
  const state = await switching.innerText();
  t.check(
    state.includes(L('trend.state.tightened')) &&
      state.includes(L('trend.rule.normalToTightened')) &&
      state.includes('W47'),
    `switching state: ${state}`,
  );
  await pane.getByText(L('trend.next', { inspection: L('trend.state.tightened'), aql: '2.5' })).waitFor();
  await axeCheck(t, page, 'Trends');
  await t.screenshot('1-trends');
  // The trend charts drawn in the grid, as lines, beside their data.
  await sheetTab('QA Trends').click();
  await page.locator('[data-chart=trend_moderator][data-kind=line] canvas').waitFor();
  t.check((await page.locator('[data-chart]').count()) === 2, 'two trend charts are drawn in the grid');
  const chartLabel = await page.locator('[data-chart=trend_moderator] canvas').getAttribute('aria-label');
  t.check(
    chartLabel.startsWith(L('trend.chart.moderator')) && chartLabel.includes(`${SLIPPING} (100.0%`),
    `the chart reads the sheet: ${chartLabel.slice(0, 120)}`,
  );
  await page.locator('[data-chart=trend_moderator]').scrollIntoViewIfNeeded();
  await t.screenshot('2-trend-charts');

  // 3. Sample: the tightened plan is offered, taken in one click, previewed and drawn.
  await tab('page.sample').click();
  const advice = pane.getByText(pattern('sample.advice', lang));
  await advice.waitFor();
  t.check((await advice.innerText()).includes(SLIPPING), `advice names the moderator: ${await advice.innerText()}`);
  await pane.getByRole('button', { name: L('sample.useAdvice', { inspection: L('trend.state.tightened') }) }).click();
  t.check(
    (await pane.getByLabel(L('sample.inspection'), { exact: true }).inputValue()) === 'tightened',
    'the Sample page now uses tightened inspection',
  );
  await pane.getByLabel(L('sample.batch')).fill('W48');
  await pane.getByRole('button', { name: L('sample.preview') }).click();
  await pane.getByText(pattern('sample.previewTitle', lang)).waitFor();
  // The eligible lot (900 less the 240 drawn before) is code letter J: tightened J at AQL 2.5.
  const tightened = planForLetter('J', '2.5', 'tightened');
  const normal = planForLetter('J', '2.5', 'normal');
  t.check(tightened.accept < normal.accept, 'tightened accepts fewer defects than normal');
  await pane
    .getByText(L('sample.plan', { letter: 'J', n: tightened.sampleSize, ac: tightened.accept, re: tightened.reject }))
    .waitFor();
  await axeCheck(t, page, 'Sample');
  await t.screenshot('3-sample-tightened');
  await pane.getByRole('button', { name: L('sample.draw') }).click();
  await pane.getByText(pattern('sample.drawn', lang)).waitFor({ timeout: 20000 });

  // 4. Inspect: an error gets its reason in the pane.
  await pane.getByRole('button', { name: L('sample.inspectNow') }).click();
  await pane
    .getByText(L('inspect.progress', { done: 0, total: tightened.sampleSize }))
    .first()
    .waitFor();
  await pane.getByLabel(L('inspect.inspector')).fill(lang === 'ja' ? '検査 花子' : 'qa.kim');
  const shownVerdict = await pane.locator('dl dd').nth(1).innerText();
  await pane.locator('#item-title').focus();
  if (shownVerdict === L('verdict.approve')) {
    await page.keyboard.press('2');
    await page.keyboard.press('p');
    await page.keyboard.type('SAF.HATE');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('1');
  }
  const reason = pane.getByLabel(L('reason.label'));
  await reason.waitFor();
  await pane.getByText(L('reason.needed')).waitFor();
  await reason.selectOption('missed_context');
  await axeCheck(t, page, 'Inspect with a reason');
  await t.screenshot('4-inspect-reason');
  await pane.getByRole('button', { name: L('inspect.save') }).click();
  await pane
    .getByText(L('inspect.progress', { done: 1, total: tightened.sampleSize }))
    .first()
    .waitFor();
  let w48 = readInspectionRows(await page.evaluate(() => window.__workbench.book.valuesOf('QA W48'))).rows;
  t.check(
    w48[0].reason === 'missed_context' && w48[0].outcome !== 'correct',
    `the error and its reason are in the sheet: ${w48[0].outcome} / ${w48[0].reason}`,
  );
  // …and in the sheet's dropdown: the reason column lists QA Reasons' codes.
  const header = (await page.evaluate(() => window.__workbench.book.valuesOf('QA W48')))[0];
  // By field name or the Japanese label: a Japanese workbook's inspection sheet has Japanese headers.
  const reasonIndex = locateInspectionColumns(header).at('reason');
  const reasonColumn = columnLetter(reasonIndex);
  await sheetTab('QA W48').click();
  await page.evaluate((column) => {
    const { book } = window.__workbench;
    book.model.selection = { sheet: book.model.activeSheet, rect: { row: 2, column, rowCount: 1, columnCount: 1 } };
    book.notify();
  }, reasonIndex);
  await page.locator(`[data-cell=${reasonColumn}3][aria-selected=true]`).waitFor();
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('Enter');
  const dropdown = page.getByRole('combobox', { name: L('wb.edit', { cell: `${reasonColumn}3` }) });
  await dropdown.waitFor();
  await dropdown.selectOption('guideline_gap');
  await page.waitForFunction(
    (cell) => document.querySelector(`[data-cell=${cell}]`)?.textContent === 'guideline_gap',
    `${reasonColumn}3`,
  );
  await t.screenshot('5-reason-dropdown');

  // 5. Coaching: one moderator's sheet, written and downloaded as its own .xlsx.
  await tab('page.trends').click();
  await pane.getByLabel(L('coach.moderator')).selectOption(SLIPPING);
  await pane.getByRole('button', { name: L('coach.write') }).click();
  const coachSheet = `QA Coach ${SLIPPING}`;
  await pane.getByText(L('coach.written', { count: 1, sheets: coachSheet })).waitFor();
  await sheetTab(coachSheet).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    pane.getByRole('button', { name: L('coach.download', { sheet: coachSheet }) }).click(),
  ]);
  const coachFile = t.artifact(`lead-${lang}-coach.xlsx`);
  await download.saveAs(coachFile);
  const coach = await importXlsx(fs.readFileSync(coachFile));
  t.check(
    coach.sheets.length === 1 && coach.sheets[0].name === coachSheet,
    `the coaching file holds only ${coachSheet}: ${coach.sheets.map((s) => s.name)}`,
  );
  t.check(
    coach.sheets[0].value(2, 8) === L('coach.col.reason') && coach.sheets[0].rows.length > 4,
    'the coaching file lists the errors with their reasons',
  );
  await axeCheck(t, page, 'Trends with coaching');

  // 6. Report of W47, then a dispute overturned: the report's figures change.
  await tab('page.report').click();
  await pane
    .getByRole('button', { name: new RegExp(`^(${escape(L('report.build'))}|${escape(L('report.refresh'))})$`) })
    .waitFor();
  await pane.getByLabel(L('inspect.batch')).selectOption('W47');
  await pane.getByRole('button', { name: L('report.build') }).click();
  await pane.getByText(L('report.built', { sheet: 'QA Report W47' })).waitFor({ timeout: 20000 });
  const figure = async (key) =>
    (
      await pane
        .getByRole('row', { name: new RegExp(`^${escape(L(key))}`) })
        .first()
        .innerText()
    )
      .split(/\t|\n/)
      .pop();
  const accuracyBefore = await figure('report.accuracy');
  t.check((await figure('report.overturned')) === '0', 'nothing overturned yet');
  const w47 = readInspectionRows(await page.evaluate(() => window.__workbench.book.valuesOf('QA W47'))).rows;
  const contested = w47.find((r) => r.moderator === SLIPPING && r.outcome !== 'correct');
  await tab('page.trends').click();
  await pane.getByLabel(L('dispute.batch')).selectOption('W47');
  await pane.getByLabel(L('dispute.item')).fill(contested.itemId);
  await pane.getByLabel(L('dispute.by')).fill(SLIPPING);
  await pane.getByLabel(L('dispute.comment')).fill(lang === 'ja' ? '風刺の文脈です' : 'The caption is satire');
  await pane.getByRole('button', { name: L('dispute.file') }).click();
  await pane.getByText(L('dispute.filed', { item: contested.itemId })).waitFor();
  await pane.getByLabel(L('dispute.settleBy')).fill(lang === 'ja' ? 'リーダー 小野' : 'lead.ono');
  await pane.getByRole('button', { name: L('dispute.overturned') }).click();
  await pane
    .getByText(
      L('dispute.settled', {
        item: contested.itemId,
        settlement: L('dispute.settlement.overturned'),
        outcome: L('outcome.correct'),
      }),
    )
    .waitFor();
  await axeCheck(t, page, 'Disputes');
  await t.screenshot('6-dispute');
  const after = readInspectionRows(await page.evaluate(() => window.__workbench.book.valuesOf('QA W47'))).rows.find(
    (r) => r.itemId === contested.itemId,
  );
  t.check(
    after.qaVerdict === contested.qaVerdict && after.settlement === 'overturned' && after.outcome === 'correct',
    'the QA verdict stays, the outcome is now correct',
  );
  await tab('page.report').click();
  await pane
    .getByRole('button', { name: new RegExp(`^(${escape(L('report.build'))}|${escape(L('report.refresh'))})$`) })
    .waitFor();
  await pane.getByLabel(L('inspect.batch')).selectOption('W47');
  await pane.getByRole('button', { name: L('report.refresh') }).click();
  await pane.getByText(L('report.built', { sheet: 'QA Report W47' })).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => true);
  t.check(
    (await figure('report.disputed')) === '1' && (await figure('report.overturned')) === '1',
    'the report counts the dispute and the overturn',
  );
  const accuracyAfter = await figure('report.accuracy');
  t.check(
    accuracyAfter !== accuracyBefore && parseFloat(accuracyAfter) > parseFloat(accuracyBefore),
    `accuracy rose after the overturn: ${accuracyBefore} → ${accuracyAfter}`,
  );
  // The report's chart of errors by type is drawn in the grid.
  await sheetTab('QA Report W47').click();
  await page.locator('[data-chart][data-kind=bar] canvas').waitFor();
  await t.screenshot('7-report-after-dispute');
};
