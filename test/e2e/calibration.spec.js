// Calibration in the workbench (issue 14): a lead draws the same 20 items for two inspectors,
// each inspects in their own sheet blind (the pane never shows the moderator's verdict or policy
// before the inspector saves), the lead settles the disagreements on the adjudication sheet, and
// the Calibration panel shows the pairwise kappa and each inspector's accuracy against the
// settled verdicts — the same figures the core computes from the sheets.
require('tsx/cjs');
const { AxeBuilder } = require('@axe-core/playwright');
const { removeUnderPolicy } = require('./keys');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');
const { readInspectionRows } = require('../../src/flows/inspectionRows.ts');
const { agreementReport, raterAccuracy, referenceVerdicts } = require('../../src/core/stats/agreementReport.ts');

const N = 20;

// Fluent's focus manager adds invisible sentinels (data-tabster-dummy): its documented mechanism, not content.
async function axeCheck(t, page, where) {
  const report = await new AxeBuilder({ page }).include('#pane').exclude('[data-tabster-dummy]').analyze();
  t.check(
    report.violations.length === 0,
    `axe on ${where}: ${report.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0]?.target})`).join(', ')}`,
  );
}
// Both remove the first items under SAF.HATE, aki 2 and ben 6: items 3 to 6 are the disagreements.
const AKI_REMOVES = 2;
const BEN_REMOVES = 6;
const DISAGREEMENTS = BEN_REMOVES - AKI_REMOVES;
// The lead settles the first 3 of them for ben (remove), the last one for aki (approve).
const FOR_BEN = 3;

module.exports = async function calibration(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  const pane = page.locator('#pane');
  const tab = (key) => pane.getByRole('tab', { name: L(key) });

  await page.goto(`${t.baseUrl}/workbench.html?lang=en`);
  await pane.getByText(L('map.sheet', { sheet: 'Decisions', row: 1 })).waitFor();
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();

  // 1. The lead draws 20 items for two inspectors; blind review is on by default.
  await tab('page.sample').click();
  await pane.getByLabel(L('sample.batch')).fill('cal');
  await pane.getByRole('radio', { name: L('sample.size.fixed') }).check();
  await pane.getByRole('spinbutton', { name: L('sample.n'), exact: true }).fill(String(N));
  await pane.getByRole('textbox', { name: L('calibration.inspectors') }).fill('aki\nben');
  t.check(
    await pane.getByRole('checkbox', { name: L('calibration.blind') }).isChecked(),
    'blind review is the default for calibration',
  );
  await axeCheck(t, page, 'Sample (calibration)');
  await pane.getByRole('button', { name: L('sample.draw') }).click();
  await pane.getByText(pattern('calibration.drawn')).waitFor({ timeout: 20000 });
  for (const sheet of ['QA cal-1', 'QA cal-2']) await page.getByRole('tab', { name: sheet }).waitFor();
  const ids = (sheet) =>
    page.evaluate(
      (s) =>
        window.__workbench.book
          .valuesOf(s)
          .slice(1)
          .map((r) => r[0]),
      sheet,
    );
  t.check(
    JSON.stringify(await ids('QA cal-1')) === JSON.stringify(await ids('QA cal-2')),
    'both inspectors have the same items',
  );
  await t.screenshot('1-drawn');

  // 2. Each inspector inspects blind in their own sheet.
  const inspect = async (batch, inspector, removes) => {
    await tab('page.inspect').click();
    await pane.getByRole('combobox', { name: L('inspect.batch'), exact: true }).selectOption(batch);
    await page.waitForFunction(
      ({ want }) =>
        document.querySelector('#pane input[aria-invalid], #pane input') !== null &&
        [...document.querySelectorAll('#pane input')].some((i) => i.value === want),
      { want: inspector },
    );
    await pane
      .getByText(L('inspect.progress', { done: 0, total: N }))
      .first()
      .waitFor();
    for (let i = 0; i < N; i++) {
      // Before saving: the moderator's verdict and policy are hidden, and the picker is empty.
      // The item's card renders after its progress line: wait until the card has settled (5 s at most).
      const hidden = pane.locator('dd[data-blind=hidden]');
      await page
        .waitForFunction(() => document.querySelectorAll('#pane dd[data-blind=hidden]').length === 2, null, {
          timeout: 5000,
        })
        .catch(() => undefined);
      const shownFacts = await pane.locator('dd').allInnerTexts();
      t.check(
        (await hidden.count()) === 2,
        `${inspector}, item ${i + 1}: the moderator's verdict and ` +
          `policy are hidden (the card shows: ${shownFacts.join(' | ')})`,
      );
      for (const text of await hidden.allInnerTexts())
        t.check(text === L('inspect.blindHidden'), `${inspector}, item ${i + 1}: ${text}`);
      const heading = pane.locator('#item-title').first();
      await heading.focus();
      // Blind: the policy picker does not start from the moderator's policy.
      t.check(
        (await pane.getByRole('combobox', { name: L('inspect.yourPolicy') }).inputValue()) === '',
        `${inspector}, item ${i + 1}: the policy picker starts empty`,
      );
      if (i < removes) {
        await removeUnderPolicy(page, 'SAF.HATE');
      } else {
        await page.keyboard.press('1');
      }
      if (i === 0) {
        await t.screenshot(`2-${inspector}-blind`);
        await axeCheck(t, page, `Inspect (blind, ${inspector})`);
      }
      await page.keyboard.press('Control+Enter');
      await pane
        .getByText(L('inspect.progress', { done: i + 1, total: N }))
        .first()
        .waitFor();
    }
  };
  await inspect('cal-1', 'aki', AKI_REMOVES);
  await inspect('cal-2', 'ben', BEN_REMOVES);
  const blindColumn = async (sheet) =>
    page.evaluate((s) => {
      const values = window.__workbench.book.valuesOf(s);
      const at = values[0].indexOf('blind');
      return values.slice(1).map((r) => r[at]);
    }, sheet);
  for (const sheet of ['QA cal-1', 'QA cal-2'])
    t.check(
      (await blindColumn(sheet)).every((v) => v === 'yes'),
      `${sheet} records every item as judged blind`,
    );

  // 3. The lead compares the inspectors: the disagreements go to the adjudication sheet.
  await tab('page.report').click();
  await pane.getByRole('button', { name: L('calibration.refresh') }).click();
  await pane
    .getByText(L('agreement.adjudicated', { sheet: 'QA Adj cal', open: DISAGREEMENTS, count: DISAGREEMENTS }))
    .waitFor({ timeout: 20000 });
  await page.getByRole('tab', { name: 'QA Adj cal' }).waitFor();
  await t.screenshot('3-compared');

  // 4. The lead settles each disagreement in the grid, with the mouse and the cell editor.
  await page.getByRole('tab', { name: 'QA Adj cal' }).click();
  const header = await page.evaluate(() => window.__workbench.book.valuesOf('QA Adj cal')[0]);
  const letter = (name) => String.fromCharCode(65 + header.indexOf(name));
  const select = async (cell) => {
    await page.locator(`[data-cell=${cell}]`).click();
    await page.locator(`[data-cell=${cell}][aria-selected=true]`).waitFor();
    await page.waitForFunction((want) => document.querySelector('[data-testid=address]').value === want, cell);
    await page.locator('[role=grid]').focus();
    await page.keyboard.press('Enter');
  };
  for (let i = 0; i < DISAGREEMENTS; i++) {
    const row = i + 2;
    const forBen = i < FOR_BEN;
    const verdictCell = `${letter('settled_verdict')}${row}`;
    await select(verdictCell);
    await page
      .getByRole('combobox', { name: L('wb.edit', { cell: verdictCell }) })
      .selectOption(forBen ? 'remove' : 'approve');
    for (const [column, text] of [
      ['settled_policy', forBen ? 'SAF.HATE' : ''],
      ['settled_by', 'lead'],
    ]) {
      if (!text) continue;
      const cell = `${letter(column)}${row}`;
      await select(cell);
      const editor = page.getByRole('textbox', { name: L('wb.edit', { cell }) });
      await editor.fill(text);
      await editor.press('Enter');
    }
  }
  await t.screenshot('4-adjudicated');

  // 5. Refresh: nothing left to settle; the pairwise kappa and each inspector's accuracy against the settled verdicts.
  await pane.getByRole('button', { name: L('calibration.refresh') }).click();
  await pane
    .getByText(L('agreement.adjudicated', { sheet: 'QA Adj cal', open: 0, count: DISAGREEMENTS }))
    .waitFor({ timeout: 20000 });
  const sheets = await page.evaluate(() =>
    ['QA cal-1', 'QA cal-2', 'QA Adj cal'].map((s) => window.__workbench.book.valuesOf(s)),
  );
  const judgments = [];
  [
    ['aki', sheets[0]],
    ['ben', sheets[1]],
  ].forEach(([rater, values]) => {
    for (const r of readInspectionRows(values).rows)
      judgments.push({ item: `${r.itemId}\u001f${r.moderator}`, rater, verdict: r.qaVerdict, policy: r.qaPolicy });
  });
  const adj = sheets[2];
  const at = (name) => adj[0].indexOf(name);
  const settled = new Map(
    adj
      .slice(1)
      .map((r) => [
        `${r[at('item_id')]}\u001f${r[at('moderator')]}`,
        { verdict: r[at('settled_verdict')], policy: r[at('settled_policy')] },
      ]),
  );
  const report = agreementReport(judgments, { seed: 'cal', resamples: 1000 });
  const accuracy = raterAccuracy(judgments, referenceVerdicts(judgments, settled));
  const kappaCell = pane.locator('[data-kappa="aki|ben"]');
  const kappaText = await kappaCell.innerText();
  t.check(
    kappaText.startsWith(report.pairwise[0][1].value.toFixed(3)),
    `pairwise kappa: pane ${kappaText}, core ${report.pairwise[0][1].value.toFixed(3)}`,
  );
  t.check(
    report.pairwise[0][1].value > 0 && report.pairwise[0][1].value < 1,
    `a kappa between 0 and 1: ${report.pairwise[0][1].value}`,
  );
  t.check(kappaText.includes(`${N} items`), `the kappa names its items: ${kappaText}`);
  for (const a of accuracy) {
    const text = await pane.locator(`[data-accuracy="${a.rater}"]`).innerText();
    t.check(text.includes(`(${a.correct}/${a.of})`), `${a.rater}'s accuracy: pane ${text}, core ${a.correct}/${a.of}`);
  }
  t.check(
    accuracy.find((a) => a.rater === 'ben').correct === N - (DISAGREEMENTS - FOR_BEN) &&
      accuracy.find((a) => a.rater === 'aki').correct === N - FOR_BEN,
    `accuracy against the settled verdicts: ${JSON.stringify(accuracy.map((a) => [a.rater, a.correct, a.of]))}`,
  );
  // The report sheet holds the same figures, and what the lead settled is still on the adjudication sheet.
  const agree = await page.evaluate(() => window.__workbench.book.valuesOf('QA Agree cal'));
  t.check(
    agree.some((r) => r[0] === 'aki' && r[1] === 'ben' && typeof r[2] === 'number'),
    'QA Agree cal lists the pair',
  );
  t.check(
    agree.some((r) => r[0] === 'ben' && r[1] === N - (DISAGREEMENTS - FOR_BEN) && r[2] === N),
    "QA Agree cal lists ben's accuracy",
  );
  const after = await page.evaluate(() => window.__workbench.book.valuesOf('QA Adj cal'));
  t.check(
    after.slice(1).filter((r) => r[after[0].indexOf('settled_by')] === 'lead').length === DISAGREEMENTS,
    "the lead's entries are kept after the refresh",
  );
  await t.screenshot('5-agreement');
  await axeCheck(t, page, 'Report (calibration)');
};
module.exports.viewport = { width: 1600, height: 1000 };
