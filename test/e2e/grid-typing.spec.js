// The workbench grid keeps every key of a fast typist: keys that arrive between the first key
// (which opens the cell's editor) and the editor taking the focus belong to the edit, as in Excel.
// They are sent in one task here, before React can render the editor: the worst case of fast typing.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');

module.exports = async function gridTyping(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  await page.goto(`${t.baseUrl}/workbench.html?lang=en`);
  await page
    .locator('#pane')
    .getByRole('button', { name: L('map.confirm') })
    .waitFor();
  await page.locator('[data-cell=J5]').click();
  await page.locator('[data-cell=J5][aria-selected=true]').waitFor();
  await page.evaluate(() => {
    const grid = document.querySelector('[role=grid]');
    for (const key of 'fast typist') grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await page.getByRole('textbox', { name: L('wb.edit', { cell: 'J5' }) }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__workbench.book.valuesOf('Decisions')[4][9] !== undefined);
  const typed = await page.evaluate(() => window.__workbench.book.valuesOf('Decisions')[4][9]);
  t.check(typed === 'fast typist', `J5 holds every key typed: "${typed}"`);
  await page.locator('[data-cell=J6][aria-selected=true]').waitFor();

  // A cell clicked and typed into at once (the keys before the next frame): the keys go to the cell clicked.
  await page.evaluate(() => {
    document.querySelector('[data-cell=J8]').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    const grid = document.querySelector('[role=grid]');
    for (const key of 'second') grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await page.getByRole('textbox', { name: L('wb.edit', { cell: 'J8' }) }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('[data-cell=J9][aria-selected=true]').waitFor();
  const values = await page.evaluate(() => window.__workbench.book.valuesOf('Decisions'));
  t.check(values[7][9] === 'second', `J8 holds the keys typed right after the click: "${values[7][9]}"`);
  t.check(
    values[5][9] !== 'second' && values[0][0] === 'Video ID',
    `no other cell took them: ${values[5][9]} / ${values[0][0]}`,
  );
};
module.exports.viewport = { width: 1366, height: 768 };
