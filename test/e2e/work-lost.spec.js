// Issue 10, work lost: an analyst edits a note and enters a verdict in the grid, then reloads —
// the browser asks first, and the workbook is offered back and restored intact; "New demo sheet"
// and "Open…" with unsaved work ask first (Cancel keeps the work); after Save nothing is asked and
// nothing is offered on the next load.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');

module.exports = async function workLost(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  const pane = page.locator('#pane');
  const unsavedBadge = page.getByTestId('unsaved');
  const discardDialog = page.getByRole('alertdialog', { name: L('wb.discard.title') });
  const restoreDialog = page.getByRole('alertdialog', { name: L('wb.restore.title') });
  const allSheets = () =>
    page.evaluate(() => {
      const { book } = window.__workbench;
      return book.model.sheets.map((s) => [s.name, s.visibility, book.valuesOf(s.name)]);
    });
  const waitForDraft = (after) =>
    page.waitForFunction((at) => (window.__workbench.draftedAt ?? 0) > at, after, { timeout: 20000 });

  await page.goto(`${t.baseUrl}/workbench.html?lang=en`);
  await pane.getByRole('button', { name: L('map.confirm') }).waitFor();
  t.check((await unsavedBadge.count()) === 0, 'a new demo has nothing unsaved');
  // Confirming the mapping writes QA Settings: already work to keep.
  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();
  await unsavedBadge.waitFor();

  // A note typed in the grid, and a verdict chosen in the inspection sheet's dropdown.
  await page.locator('[data-cell=J5]').click();
  await page.keyboard.type('checked twice');
  await page.keyboard.press('Enter');
  await unsavedBadge.waitFor();
  await pane.getByRole('tab', { name: L('page.sample') }).click();
  await pane.getByLabel(L('sample.batch')).fill('W1');
  await pane.getByRole('radio', { name: L('sample.size.iso2859') }).check();
  await pane.getByRole('button', { name: L('sample.draw') }).click();
  await pane.getByText(pattern('sample.drawn')).waitFor({ timeout: 30000 });
  await page.getByRole('tab', { name: 'QA W1' }).click();
  // The verdict column is off-screen: selected as the Inspect page's jump does, then Enter.
  await page.evaluate(() => {
    const { book } = window.__workbench;
    book.model.selection = { sheet: book.model.activeSheet, rect: { row: 1, column: 12, rowCount: 1, columnCount: 1 } };
    book.notify();
  });
  await page.locator('[data-cell=M2][aria-selected=true]').waitFor();
  await page.locator('[role=grid]').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: L('wb.edit', { cell: 'M2' }) }).selectOption('remove');
  await page.waitForFunction(() => window.__workbench.book.valuesOf('QA W1')[1][12] === 'remove');
  const drafted = await page.evaluate(() => Date.now());
  await waitForDraft(drafted - 1);
  // The draft may have been taken before the pane's own reaction to the verdict: wait for quiet.
  await page.waitForTimeout(1500);
  const before = await allSheets();
  t.check(
    before.some(([name]) => name === 'QA W1') && before[0][2][4][9] === 'checked twice',
    `the note and the draw are in the workbook: ${before.map(([name]) => name)}, J5 "${before[0][2][4]?.[9]}"`,
  );

  // Reload: the browser asks (beforeunload), then the workbench offers the workbook back.
  const asked = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  t.check(asked.includes('beforeunload'), `the browser asked before reloading: ${asked.join(', ') || 'no question'}`);
  await restoreDialog.waitFor();
  t.check(
    /moderation-qa-demo\.xlsx/.test(await restoreDialog.innerText()),
    `the offer names the workbook: ${await restoreDialog.innerText()}`,
  );
  await t.screenshot('1-restore-offer');
  await restoreDialog.getByRole('button', { name: L('wb.restore.confirm') }).click();
  await page.getByText(pattern('wb.restored')).waitFor();
  const after = await allSheets();
  t.check(
    JSON.stringify(after) === JSON.stringify(before),
    `restored intact: ${after.map(([n]) => n).join(', ')} vs ${before.map(([n]) => n).join(', ')}`,
  );
  t.check((await unsavedBadge.count()) === 1, 'a restored workbook is still unsaved');
  await page.getByRole('tab', { name: 'QA W1' }).waitFor();

  // "New demo sheet" asks first; Cancel keeps the work.
  await page.getByRole('button', { name: L('wb.demo') }).click();
  await discardDialog.waitFor();
  await t.screenshot('2-discard-question');
  await discardDialog.getByRole('button', { name: L('ui.cancel') }).click();
  await discardDialog.waitFor({ state: 'hidden' });
  t.check(JSON.stringify(await allSheets()) === JSON.stringify(before), 'Cancel kept the work');

  // "Open…" asks first too: Cancel opens no file picker; Discard changes does.
  let pickers = 0;
  page.on('filechooser', () => pickers++);
  await page.getByRole('button', { name: L('wb.open') }).click();
  await discardDialog.waitFor();
  await discardDialog.getByRole('button', { name: L('ui.cancel') }).click();
  await discardDialog.waitFor({ state: 'hidden' });
  await page.waitForTimeout(300);
  t.check(pickers === 0, 'Cancel opened no file picker');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    (async () => {
      await page.getByRole('button', { name: L('wb.open') }).click();
      await discardDialog.getByRole('button', { name: L('wb.discard.confirm') }).click();
    })(),
  ]);
  await chooser.setFiles({
    name: 'lot.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Item ID,Moderator,Verdict\nv1,sato.h,approve\nv2,l.chen,remove\n'),
  });
  await page.getByText(L('wb.opened', { file: 'lot.csv' })).waitFor();
  t.check((await unsavedBadge.count()) === 0, 'an opened file has nothing unsaved');

  // An edit, then Save: nothing is asked, and the next load offers nothing.
  await page.locator('[data-cell=C3]').click();
  await page.keyboard.type('approve');
  await page.keyboard.press('Enter');
  await unsavedBadge.waitFor();
  await waitForDraft(drafted);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: L('wb.save') }).click(),
  ]);
  await download.path();
  await unsavedBadge.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: L('wb.demo') }).click();
  await page.getByRole('tab', { name: 'Decisions' }).waitFor();
  t.check((await discardDialog.count()) === 0, 'no question after Save');
  asked.length = 0;
  await page.reload();
  await pane.getByRole('button', { name: L('map.confirm') }).waitFor();
  await page.waitForTimeout(1000);
  t.check(asked.length === 0, `nothing unsaved, nothing asked on reload: ${asked.join(', ')}`);
  t.check((await restoreDialog.count()) === 0, 'after Save nothing is offered back');
};
module.exports.viewport = { width: 1366, height: 768 };
