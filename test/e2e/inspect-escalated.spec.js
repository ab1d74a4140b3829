// A batch with every item looked at, three of them escalated and awaiting a lead's decision, opened
// from a file in the Japanese UI: Inspect says nothing is left to inspect and that three escalated
// items await a decision (not "every item is inspected", beside a progress line of 7 / 10).
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { createWorkbook } = require('../../src/emulator/index.ts');
const { exportXlsx } = require('../../src/emulator/xlsx.ts');
const { sampleFlow } = require('../../src/flows/sampleFlow.ts');
const { col } = require('../../src/flows/schema/inspectionSheet.ts');

module.exports = async function inspectEscalated(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'ja');
  const pane = page.locator('#pane');
  const lot = [['item_id', 'moderator', 'verdict', 'policy', 'market']];
  for (let i = 0; i < 40; i++) lot.push([`v${2000 + i}`, `mod${i % 3}`, 'approve', '', 'JP']);
  const book = createWorkbook();
  book.addSheet('Decisions', lot);
  book.model.activeSheet = book.model.sheet('Decisions');
  const now = Date.UTC(2026, 10, 24, 12);
  await sampleFlow(book.run, { batch: '第48週', method: 'simple', size: { kind: 'fixed', n: 10 }, seed: 'e', now });
  const sheet = book.model.sheet('QA 第48週');
  for (let row = 1; row <= 10; row++) {
    sheet.setCell(row, col('qa_verdict'), row <= 3 ? 'escalate' : 'approve');
    sheet.setCell(row, col('inspector'), '検査 花子');
    sheet.setCell(row, col('inspected_at'), '2026-11-24 12:00:00');
  }
  const bytes = await exportXlsx(book.model);

  await page.goto(`${t.baseUrl}/workbench.html?lang=ja&pane=350`);
  await pane.getByRole('button', { name: L('map.confirm') }).waitFor();
  await page.getByTestId('open-file').setInputFiles({
    name: 'escalated.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(bytes),
  });
  await page.getByText(L('wb.opened', { file: 'escalated.xlsx' })).waitFor();
  await pane.getByRole('tab', { name: L('page.inspect') }).click();
  await pane.getByText(L('inspect.allDoneAwaiting', { awaiting: 3 })).waitFor();
  t.check((await pane.getByText(L('inspect.allDone')).count()) === 0, 'not "every item is inspected"');
  await t.screenshot('awaiting');
};
module.exports.viewport = { width: 1366, height: 768 };
