// Issue 10, item 4, as the analyst met it: a workbook whose inspection sheet was filled in elsewhere
// (in Excel, where the QA policy cell takes any text) with QA policies written as names — 嫌がらせ・いじめ
// against the moderator's SAF.HARASS, "Harassment and bullying" against the moderator's 嫌がらせ・いじめ
// — is opened in the workbench and its report refreshed from the pane: those items are correct, not
// wrong_policy, and the report's figures equal those of the same workbook with codes, in English
// and in the Japanese UI. A different policy written as a name is still a wrong policy.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { createWorkbook } = require('../../src/emulator/index.ts');
const { exportXlsx, importXlsx } = require('../../src/emulator/xlsx.ts');
const { sampleFlow } = require('../../src/flows/sampleFlow.ts');
const { reportFlow } = require('../../src/flows/reportFlow.ts');
const { col, outcomeLabel } = require('../../src/flows/schema/inspectionSheet.ts');
const { defaultTaxonomy } = require('../../src/core/taxonomy/defaultTaxonomy.ts');

const BATCH = 'N1';
const SHEET = `QA ${BATCH}`;
const policy = (code) => defaultTaxonomy().policies.find((p) => p.code === code);
const HARASS = policy('SAF.HARASS');
const HATE = policy('SAF.HATE');

/**
 * The analyst's workbook as .xlsx bytes: 120 decisions (approvals, and removals under SAF.HARASS),
 * 30 drawn, a report built in the first sitting; then, in Excel, QA verdicts and policies typed
 * into the inspection sheet. With `names`, every policy on the sheet is a name: the moderator's
 * SAF.HARASS is written 嫌がらせ・いじめ on every other removal (as a sheet pasted from a Japanese
 * export holds it), and QA writes the other language's name: 嫌がらせ・いじめ against SAF.HARASS,
 * "Harassment and bullying" against 嫌がらせ・いじめ, ヘイトスピーチ・憎悪的な行為 for a different policy.
 * With `codes`, the same verdicts and policies as codes. Returns the bytes and each sheet row's outcome.
 */
async function analystsWorkbook(as) {
  const lot = [['item_id', 'moderator', 'verdict', 'policy', 'market']];
  for (let i = 0; i < 120; i++) {
    const verdict = i % 3 === 0 ? 'approve' : 'remove';
    lot.push([`v${1000 + i}`, `mod${i % 4}`, verdict, verdict === 'remove' ? HARASS.code : '', 'JP']);
  }
  const book = createWorkbook();
  book.addSheet('Decisions', lot);
  book.model.activeSheet = book.model.sheet('Decisions');
  const now = Date.UTC(2026, 10, 24, 12);
  await sampleFlow(book.run, { batch: BATCH, method: 'simple', size: { kind: 'fixed', n: 30 }, seed: 'names', now });
  await reportFlow(book.run, { batch: BATCH });
  const sheet = book.model.sheet(SHEET);
  const expected = new Map();
  let removals = 0;
  for (const [i, r] of book.valuesOf(SHEET).slice(1).entries()) {
    const row = i + 1;
    if (i >= 26) {
      expected.set(row + 1, 'pending');
      continue;
    }
    const moderator = String(r[col('verdict')]);
    let same = HARASS.code;
    if (moderator === 'remove' && as === 'names') {
      const japanese = removals++ % 2 === 0;
      if (japanese) sheet.setCell(row, col('policy'), HARASS.nameJa);
      same = japanese ? HARASS.nameEn : HARASS.nameJa;
    }
    const named = (p) => (as === 'names' ? p.nameJa : p.code);
    let qa;
    if (moderator === 'approve') qa = i % 5 === 0 ? ['remove', named(HARASS)] : ['approve'];
    else if (i % 5 === 1) qa = ['remove', named(HATE)];
    else if (i % 7 === 2) qa = ['approve'];
    else qa = ['remove', same];
    sheet.setCell(row, col('qa_verdict'), qa[0]);
    if (qa[1]) sheet.setCell(row, col('qa_policy'), qa[1]);
    sheet.setCell(row, col('inspector'), 'qa.sam');
    sheet.setCell(row, col('inspected_at'), '2026-11-24 12:00:00');
    expected.set(
      row + 1,
      moderator === 'approve'
        ? qa[0] === 'remove'
          ? 'under_enforcement'
          : 'correct'
        : qa[0] === 'approve'
          ? 'over_enforcement'
          : qa[1] === same
            ? 'correct'
            : 'wrong_policy',
    );
  }
  return { bytes: Buffer.from(await exportXlsx(book.model)), expected };
}

module.exports = async function loopNames(t) {
  const { page } = t;
  const pane = page.locator('#pane');
  const books = { codes: await analystsWorkbook('codes'), names: await analystsWorkbook('names') };
  const outcomes = [...books.names.expected.values()];
  t.check(
    outcomes.filter((o) => o === 'correct').length >= 10 && outcomes.includes('wrong_policy'),
    `the workbook has correct items and a wrong policy: ${outcomes.join(' ')}`,
  );
  // The rows where QA agreed with the moderator's SAF.HARASS, writing a name.
  const namedRows = [];
  for (const [i, r] of createWorkbook(await importXlsx(books.names.bytes))
    .valuesOf(SHEET)
    .entries())
    if (r[col('verdict')] === 'remove' && [HARASS.nameJa, HARASS.nameEn].includes(r[col('qa_policy')]))
      namedRows.push({ row: i + 1, policy: r[col('qa_policy')] });
  t.check(
    namedRows.some((r) => r.policy === HARASS.nameJa) && namedRows.some((r) => r.policy === HARASS.nameEn),
    `QA wrote the Japanese and the English name: ${JSON.stringify(namedRows)}`,
  );

  /** Opens `file` with Open… (discarding the last workbook's changes when asked); refreshes the report in the pane. */
  async function openAndRefresh(lang, as) {
    const L = (key, params) => translate(key, params, lang);
    const file = `analyst-${as}.xlsx`;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: L('wb.open') }).click();
    const discard = page.getByRole('alertdialog', { name: L('wb.discard.title') });
    const asked = await Promise.race([
      chooser.then(() => false),
      discard.waitFor().then(
        () => true,
        () => false,
      ),
    ]);
    if (asked) await discard.getByRole('button', { name: L('wb.discard.confirm') }).click();
    await (
      await chooser
    ).setFiles({
      name: file,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: books[as].bytes,
    });
    await page.getByText(L('wb.opened', { file })).waitFor();
    await pane.getByRole('tab', { name: L('page.report') }).click();
    const refresh = pane.getByRole('button', { name: L('report.refresh') });
    const refreshedAt = await page.evaluate(() => Date.now());
    await refresh.click();
    await pane.getByText(L('report.built', { sheet: `QA Report ${BATCH}` })).waitFor({ timeout: 20000 });
    const figures = pane.getByRole('table', { name: L('report.figures') });
    // Each figure as [label, value].
    const shown = await figures
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td, [role=cell]')].map((c) => c.textContent.trim())),
      );
    const values = await page.evaluate((name) => window.__workbench.book.valuesOf(name), SHEET);
    const report = await page.evaluate((name) => window.__workbench.book.valuesOf(name), `QA Report ${BATCH}`);
    return { shown, values, report, refreshedAt };
  }

  await page.goto(`${t.baseUrl}/workbench.html?lang=en`);
  await pane.getByRole('button', { name: translate('map.confirm', {}, 'en') }).waitFor();
  const codes = await openAndRefresh('en', 'codes');
  const names = await openAndRefresh('en', 'names');
  await t.screenshot('en-names-refreshed');

  // Outcomes compare policies by code: each row's outcome as expected, the same as with codes.
  const outcomeOf = (values, row) => String(values[row - 1][col('outcome')]);
  for (const [row, want] of books.names.expected) {
    t.check(
      outcomeOf(names.values, row) === outcomeLabel(want, 'en'),
      `row ${row} (QA ${names.values[row - 1][col('qa_verdict')]} ${names.values[row - 1][col('qa_policy')]}, ` +
        `moderator ${names.values[row - 1][col('verdict')]} ${names.values[row - 1][col('policy')]}): ` +
        `${outcomeOf(names.values, row)}, expected ${want}`,
    );
    t.check(
      outcomeOf(codes.values, row) === outcomeOf(names.values, row),
      `row ${row}: codes give ${outcomeOf(codes.values, row)}, names ${outcomeOf(names.values, row)}`,
    );
  }
  for (const { row, policy: written } of namedRows)
    t.check(outcomeOf(names.values, row) === 'correct', `${written} against SAF.HARASS is correct (row ${row})`);

  // The report's figures, in the pane and in its sheet, equal those of the workbook with codes.
  t.check(
    JSON.stringify(names.shown) === JSON.stringify(codes.shown),
    `the pane's figures:\n  names ${names.shown.join(' | ')}\n  codes ${codes.shown.join(' | ')}`,
  );
  const block = (report) => report.slice(0, 20).map((r) => r.slice(0, 2));
  t.check(
    JSON.stringify(block(names.report)) === JSON.stringify(block(codes.report)),
    `the report sheet: names ${JSON.stringify(block(names.report))}\n  codes ${JSON.stringify(block(codes.report))}`,
  );
  const inspected = outcomes.filter((o) => o !== 'pending').length;
  const correct = outcomes.filter((o) => o === 'correct').length;
  const accuracy = `${((correct / inspected) * 100).toFixed(1)}%`;
  const L = (key) => translate(key, {}, 'en');
  const rowText = (shown, key) => (shown.find((r) => r[0].startsWith(L(key))) ?? [])[1] ?? '';
  t.check(
    rowText(names.shown, 'report.inspected') === String(inspected),
    `inspected ${inspected}: ${rowText(names.shown, 'report.inspected')}`,
  );
  t.check(
    rowText(names.shown, 'report.accuracy').includes(accuracy),
    `accuracy ${accuracy} (${correct} of ${inspected}): ${rowText(names.shown, 'report.accuracy')}`,
  );

  // The Japanese UI: the same workbook with names, refreshed, gives the same figures. The refreshed
  // workbook is kept as a draft: the workbench offers it back on the next load, and the analyst declines.
  await page.waitForFunction((at) => (window.__workbench.draftedAt ?? 0) > at, names.refreshedAt, {
    timeout: 20000,
  });
  await page.goto(`${t.baseUrl}/workbench.html?lang=ja`);
  await page
    .getByRole('alertdialog', { name: translate('wb.restore.title', {}, 'ja') })
    .getByRole('button', { name: translate('wb.restore.discard', {}, 'ja') })
    .click();
  await pane.getByRole('button', { name: translate('map.confirm', {}, 'ja') }).waitFor();
  const ja = await openAndRefresh('ja', 'names');
  await t.screenshot('ja-names-refreshed');
  for (const [row, want] of books.names.expected)
    t.check(outcomeOf(ja.values, row) === outcomeLabel(want, 'en'), `ja UI, row ${row}: ${outcomeOf(ja.values, row)}`);
  const numbers = (shown) => shown.map(([, value]) => (value.match(/\d+(\.\d+)?%?/g) ?? []).join(' '));
  t.check(
    JSON.stringify(numbers(ja.shown)) === JSON.stringify(numbers(codes.shown)),
    `ja UI figures: ${numbers(ja.shown).join(' | ')}\n  en codes: ${numbers(codes.shown).join(' | ')}`,
  );
};
module.exports.viewport = { width: 1366, height: 768 };
