// Shared steps of the Inspect browser tests: a batch drawn in the workbench, the Inspect page
// open with an inspector, and what the pane and the workbook say about the item on screen.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');
const { readInspectionRows } = require('../../src/flows/inspectionRows.ts');
const { locateInspectionColumns } = require('../../src/flows/schema/inspectionSheet.ts');

/** Opens the workbench (`query` adds e.g. pane=350), draws batch `batch` (ISO 2859-1: 50 items) and opens Inspect. */
async function openInspect(t, lang, batch, query = '') {
  const { page } = t;
  const L = (key, params) => translate(key, params, lang);
  const pane = page.locator('#pane');
  await page.goto(`${t.baseUrl}/workbench.html?lang=${lang}${query}`);
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();
  await pane.getByRole('tab', { name: L('page.sample') }).click();
  await pane.getByLabel(L('sample.batch')).fill(batch);
  await pane.getByRole('radio', { name: L('sample.size.iso2859') }).check();
  await pane.getByRole('button', { name: L('sample.draw') }).click();
  await pane.getByText(pattern('sample.drawn', lang)).waitFor({ timeout: 20000 });
  await pane.getByRole('button', { name: L('sample.inspectNow') }).click();
  await pane
    .getByText(L('inspect.progress', { done: 0, total: 50 }))
    .first()
    .waitFor();
  await pane.getByLabel(L('inspect.inspector')).fill(lang === 'ja' ? '検査 花子' : 'qa.sam');
  const sheet = `QA ${batch}`;
  return {
    L,
    pane,
    sheet,
    picker: pane.getByRole('combobox', { name: L('inspect.yourPolicy') }),
    /** The item on screen: its ID and sheet row, from the card's heading. */
    async shown() {
      const heading = await pane.locator('#item-title').innerText();
      const parts = L('inspect.item', { id: '@ID@', row: '@ROW@' })
        .split(/@ID@|@ROW@/)
        .map(escape);
      const m = new RegExp(`${parts[0]}(.+?)${parts[1]}(\\d+)${parts[2]}`).exec(heading);
      if (!m) throw new Error(`no item in the heading: ${heading}`);
      return { id: m[1], row: Number(m[2]) };
    },
    /** Waits until the card shows sheet row `row`. */
    async waitForRow(row) {
      const parts = L('inspect.item', { id: '@ID@', row: '@ROW@' })
        .split(/@ID@|@ROW@/)
        .map(escape);
      const source = `${parts[0]}.+?${parts[1]}${row}${parts[2]}`;
      await page.waitForFunction(
        (src) => new RegExp(src).test(document.querySelector('#pane #item-title')?.textContent ?? ''),
        source,
        { timeout: 10000 },
      );
    },
    /** The inspection sheet's rows as the workbook holds them, and a column of a row by field name. */
    async rows() {
      const values = await page.evaluate((name) => window.__workbench.book.valuesOf(name), sheet);
      const { at } = locateInspectionColumns(values[0]);
      return { values, rows: readInspectionRows(values).rows, cell: (row, field) => values[row - 1][at(field)] };
    },
  };
}

module.exports = { openInspect, pattern, escape };
