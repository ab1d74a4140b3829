// Issue 10, item 11, as the analyst met it, in the Japanese UI: a Japanese decisions export whose
// policy column writes short or local names (ヘイトスピーチ, スパム, ショッキングで生々しいコンテンツ), on a lead's
// older taxonomy sheet without an aliases column. Validate in the pane flags them, each with a
// suggestion naming the policy meant — SAF.HATE and SEN.GRAPHIC for the unknown names; スパム is read
// as the old spam code INT.SPAM, which names its replacement INT.FAKE — in the pane and in the QA
// Findings sheet's suggestion column. Then the lead adds an aliases column to the taxonomy sheet in
// the grid and types the team's labels; validating again raises nothing for those rows.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { pattern } = require('./catalog');
const { createWorkbook } = require('../../src/emulator/index.ts');
const { exportXlsx } = require('../../src/emulator/xlsx.ts');
const { defaultTaxonomy } = require('../../src/core/taxonomy/defaultTaxonomy.ts');
const { taxonomyToRows, TAXONOMY_COLUMNS } = require('../../src/core/taxonomy/taxonomyRows.ts');
const { findingsSheet } = require('../../src/flows/schema/findingsSheet.ts');
const { columnLetter, quoteSheetName } = require('../../src/excelSpec/index.ts');

const SHEET = '判定';
const nameJa = (code) => defaultTaxonomy().policies.find((p) => p.code === code).nameJa;
/** The team's labels, what each should suggest, the finding it raises, and the alias the lead adds. */
const LOCAL = [
  { label: 'ヘイトスピーチ', code: 'SAF.HATE', rule: 'unknown_policy', alias: 'ヘイトスピーチ; ヘイト' },
  { label: 'スパム', code: 'INT.FAKE', rule: 'deprecated_policy', alias: 'スパム' },
  {
    label: 'ショッキングで生々しいコンテンツ',
    code: 'SEN.GRAPHIC',
    rule: 'unknown_policy',
    alias: 'ショッキングで生々しいコンテンツ',
  },
];

/** A Japanese export of 47 decisions, 14 under a local label, and the older taxonomy sheet (no aliases column). */
async function japaneseExport() {
  const rows = [['投稿ID', '担当者', '判定', 'ポリシー', '市場']];
  const known = ['SAF.HATE', nameJa('SAF.HARASS'), nameJa('SAF.HATE'), 'SEN.GRAPHIC'];
  const local = new Map();
  for (let i = 0; i < 47; i++) {
    const kind = i % 10;
    const label = kind >= 3 && kind <= 5 && !(kind === 4 && i >= 40) ? LOCAL[kind - 3] : undefined;
    const policy = kind < 3 ? '' : label ? label.label : known[i % known.length];
    rows.push([`p${2000 + i}`, ['sato', 'suzuki', 'tanaka'][i % 3], kind < 3 ? '承認' : '削除', policy, 'JP']);
    if (label) local.set(i + 2, label);
  }
  const book = createWorkbook();
  book.addSheet(SHEET, rows);
  book.addSheet(
    'QA Taxonomy',
    taxonomyToRows(defaultTaxonomy()).map((r) => r.slice(0, TAXONOMY_COLUMNS.indexOf('aliases'))),
  );
  book.model.activeSheet = book.model.sheet(SHEET);
  return { bytes: Buffer.from(await exportXlsx(book.model)), local, rows: rows.length - 1 };
}

module.exports = async function loopNamesSuggest(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'ja');
  const pane = page.locator('#pane');
  const tab = (key) => pane.getByRole('tab', { name: L(key) });
  const { bytes, local, rows } = await japaneseExport();
  t.check(local.size === 14, `14 of the 47 rows use a local label: ${local.size}`);

  await page.goto(`${t.baseUrl}/workbench.html?lang=ja`);
  await pane.getByRole('button', { name: L('map.confirm') }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: L('wb.open') }).click(),
  ]);
  await chooser.setFiles({
    name: '判定エクスポート.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.getByText(L('wb.opened', { file: '判定エクスポート.xlsx' })).waitFor();
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();

  // Validate: each local label is flagged, with a suggestion naming the policy meant.
  await tab('page.validate').click();
  await pane.getByRole('button', { name: L('validate.run') }).click();
  const checked = pane.getByText(pattern('validate.checked', 'ja'));
  await checked.waitFor({ timeout: 20000 });
  const first = await checked.innerText();
  const findings = () => page.evaluate(() => window.__workbench.book.valuesOf('QA Findings'));
  const at = (column) => findingsSheet.position(column);
  const policyColumn = columnLetter(3);
  const before = await findings();
  for (const [row, { label, code, rule }] of local) {
    const cell = `${quoteSheetName(SHEET)}!${policyColumn}${row}`;
    const item = pane.getByRole('listitem').filter({ hasText: `${cell}：` });
    t.check((await item.count()) === 1, `${cell} (${label}) is in the pane's list once: ${await item.count()}`);
    const text = await item.innerText();
    t.check(pattern(`finding.${rule}`, 'ja').test(text), `${cell} (${label}) is flagged ${rule}: ${text}`);
    t.check(
      text.includes(L('validate.suggestion', { value: code })),
      `${cell} (${label}): the pane suggests ${code}: ${text}`,
    );
    const sheetRows = before.filter((r) => r[at('cell')] === cell);
    t.check(
      sheetRows.length === 1 && sheetRows[0][at('rule')] === rule,
      `${cell} (${label}) in QA Findings as ${rule}: ${JSON.stringify(sheetRows)}`,
    );
    t.check(
      String(sheetRows[0][at('suggestion')]) === `${code}（${nameJa(code)}）`,
      `${cell} (${label}): QA Findings suggests ${code}: ${sheetRows[0][at('suggestion')]}`,
    );
  }
  const unknown = before.filter((r) => r[at('rule')] === 'unknown_policy');
  t.check(
    unknown.every((r) => r[at('suggestion')] !== ''),
    `no unknown policy without a suggestion: ${JSON.stringify(unknown.filter((r) => !r[at('suggestion')]))}`,
  );
  await t.screenshot('suggestions');

  // The lead adds the aliases column to the taxonomy sheet in the grid, and the team's labels in it.
  await page.getByRole('tab', { name: 'QA Taxonomy' }).click();
  const taxonomy = await page.evaluate(() => window.__workbench.book.valuesOf('QA Taxonomy'));
  const aliasColumn = taxonomy[0].filter((h) => h !== '').length;
  t.check(aliasColumn === 9, `the older taxonomy sheet has no aliases column: ${taxonomy[0].join(', ')}`);
  const typeInto = async (row, text) => {
    const address = `${columnLetter(aliasColumn)}${row}`;
    // Double-clicked, as the lead edits a cell (the taxonomy's rows fit on the screen).
    await page.locator(`[data-cell=${address}]`).dblclick();
    const editor = page.getByRole('textbox', { name: L('wb.edit', { cell: address }) });
    await editor.fill(text);
    await editor.press('Enter');
    await page.waitForFunction(
      ([r, c, want]) => window.__workbench.book.valuesOf('QA Taxonomy')[r - 1]?.[c] === want,
      [row, aliasColumn, text],
    );
  };
  await typeInto(1, '別名');
  for (const { code, alias } of LOCAL) await typeInto(taxonomy.findIndex((r) => r[0] === code) + 1, alias);
  await t.screenshot('aliases-typed');

  // Validate again: the labels are known by their aliases, nothing is raised for those rows.
  await tab('page.validate').click();
  await pane.getByRole('button', { name: L('validate.again') }).click();
  const expected = L('validate.checked', { sheet: SHEET, rows, findings: before.length - 1 - local.size });
  await pane
    .getByText(expected)
    .waitFor({ timeout: 20000 })
    .catch(async () => {
      throw new Error(`after the aliases, expected "${expected}", the pane says "${await checked.innerText()}"`);
    });
  t.check(first !== expected, 'the first run raised the local labels');
  const after = await findings();
  const left = after.filter((r) =>
    [...local.keys()].some((row) => r[at('cell')] === `${quoteSheetName(SHEET)}!${policyColumn}${row}`),
  );
  t.check(left.length === 0, `nothing raised for the local labels: ${JSON.stringify(left)}`);
  t.check(
    after.every((r) => r[at('rule')] !== 'unknown_policy'),
    `no unknown policy: ${JSON.stringify(after.filter((r) => r[at('rule')] === 'unknown_policy'))}`,
  );
  await t.screenshot('aliases-known');
};
module.exports.viewport = { width: 1366, height: 768 };
