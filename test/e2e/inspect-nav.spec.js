// Issue 10: Previous, a jump by row or item ID, the grid following the item, a row clicked in the
// inspection sheet opening its item, the Next item command (the workbench's ribbon) saving what
// was entered first, and Save and next in view in a 350-px pane on a 1366×768 screen.
const { openInspect } = require('./inspect');

module.exports = async function inspectNav(t) {
  const { page } = t;
  const s = await openInspect(t, 'en', 'N1', '&pane=350');
  const { L, pane } = s;
  const saveButton = pane.getByRole('button', { name: L('inspect.save'), exact: true });
  const verdictButton = (n, v) => pane.getByRole('button', { name: `${n} ${L(`verdict.${v}`)}`, exact: true });
  const paneBox = await page.locator('#pane').boundingBox();
  // 350 px and its 1-px border.
  t.check(Math.abs(paneBox.width - 351) < 1, `the pane is 350 px wide: ${paneBox.width}`);
  // Every page's tab can be seen and clicked in the narrow pane (they wrap, nothing scrolls out of sight).
  for (const key of ['page.map', 'page.validate', 'page.sample', 'page.inspect', 'page.report', 'page.trends']) {
    const box = await pane.getByRole('tab', { name: L(key) }).boundingBox();
    t.check(
      box && box.x >= paneBox.x && box.x + box.width <= paneBox.x + paneBox.width,
      `the ${L(key)} tab lies inside the 350-px pane: ${JSON.stringify(box)}`,
    );
  }

  /** Save and next lies inside the pane and the screen, and nothing covers it. */
  const saveInView = async (where) => {
    const box = await saveButton.boundingBox();
    t.check(
      box &&
        box.y >= paneBox.y &&
        box.y + box.height <= Math.min(768, paneBox.y + paneBox.height) &&
        box.x >= paneBox.x &&
        box.x + box.width <= paneBox.x + paneBox.width,
      `${where}: Save and next in view: ${JSON.stringify(box)}`,
    );
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    t.check(onTop === L('inspect.save'), `${where}: Save and next is not covered: ${onTop}`);
  };
  await s.waitForRow(2);
  await saveInView('first item');
  // A longer form (a wrong verdict asks for its reason) keeps it in view too.
  const first = (await s.rows()).rows[0];
  await verdictButton(first.verdict === 'approve' ? 2 : 1, first.verdict === 'approve' ? 'remove' : 'approve').click();
  await pane.getByLabel(L('reason.label')).waitFor();
  await saveInView('with the reason asked');
  await t.screenshot('save-in-view');

  // The grid follows the item: row 2 of the inspection sheet is selected.
  await page.locator('[role=grid][data-sheet="QA N1"]').waitFor();
  await page.locator('[data-cell=A2][aria-selected=true]').waitFor();

  // Save, then Previous: the saved item comes back as saved, and the grid follows.
  await verdictButton(1, 'approve').click();
  await saveButton.click();
  await s.waitForRow(3);
  await page.locator('[data-cell=A3][aria-selected=true]').waitFor();
  await pane.getByRole('button', { name: L('inspect.previous'), exact: true }).click();
  await s.waitForRow(2);
  t.check(
    (await verdictButton(1, 'approve').getAttribute('aria-pressed')) === 'true',
    'Previous shows the saved verdict',
  );
  await page.locator('[data-cell=A2][aria-selected=true]').waitFor();

  // Jump by row, by item ID; an unknown one says what to enter.
  const jump = async (text) => {
    await pane.getByLabel(L('inspect.jump')).fill(text);
    await pane.getByRole('button', { name: L('inspect.jumpGo'), exact: true }).click();
  };
  await jump('10');
  await s.waitForRow(10);
  await page.locator('[data-cell=A10][aria-selected=true]').waitFor();
  const twentieth = (await s.rows()).rows[18];
  await jump(twentieth.itemId);
  await s.waitForRow(20);
  t.check((await s.shown()).id === twentieth.itemId, 'jumped by item ID');
  await jump('zzz-no-such-item');
  await pane.getByText(L('inspect.jumpNotFound', { text: 'zzz-no-such-item', last: 51 })).waitFor();

  // A row clicked in the sheet opens its item.
  await jump('10');
  await s.waitForRow(10);
  await page.locator('[data-cell=C7]').click();
  await s.waitForRow(7);
  t.check((await page.getByTestId('address').inputValue()) === 'C7', 'the clicked cell stays selected');

  // Next item from the ribbon (the workbench toolbar runs the registry's command): the verdict
  // and comment just entered are saved first, then the next pending item shows.
  await verdictButton(1, 'approve').click();
  await pane.getByLabel(L('inspect.comment')).fill('kept by Next item');
  await page.locator('[data-command=nextItem]').click();
  await s.waitForRow(8);
  let sheet = await s.rows();
  t.check(
    sheet.cell(7, 'qa_verdict') === 'approve' && sheet.cell(7, 'qa_comment') === 'kept by Next item',
    `row 7 kept: ${sheet.cell(7, 'qa_verdict')} / ${sheet.cell(7, 'qa_comment')}`,
  );
  await pane
    .getByText(L('inspect.progress', { done: 2, total: 50 }))
    .first()
    .waitFor();
  // A comment without a verdict cannot be saved: Next item stays and says why, losing nothing.
  await pane.getByLabel(L('inspect.comment')).fill('no verdict yet');
  await page.locator('[data-command=nextItem]').click();
  await pane.getByText(L('inspect.needVerdict')).waitFor();
  t.check(
    (await s.shown()).row === 8 && (await pane.getByLabel(L('inspect.comment')).inputValue()) === 'no verdict yet',
    'Next item kept the unsaved comment on screen',
  );
  // The shortcut is the same command.
  await verdictButton(1, 'approve').click();
  await pane.getByLabel(L('inspect.comment')).focus();
  await page.keyboard.press('Control+Alt+Shift+N');
  await s.waitForRow(9);
  sheet = await s.rows();
  t.check(
    sheet.cell(8, 'qa_verdict') === 'approve' && sheet.cell(8, 'qa_comment') === 'no verdict yet',
    `row 8 saved by the shortcut: ${sheet.cell(8, 'qa_verdict')}`,
  );
  // Nothing entered: Next item skips without writing.
  await page.locator('[data-command=nextItem]').click();
  await s.waitForRow(10);
  t.check((await s.rows()).cell(9, 'qa_verdict') === '', 'an untouched item is skipped, not saved');
  await saveInView('after moving around');
  await t.screenshot('nav');

  // Leaving an item with unsaved input asks first: a row clicked in the sheet, Previous, a jump.
  const leaving = pane.getByTestId('inspect-leaving');
  const leave = (key) => leaving.getByRole('button', { name: L(key), exact: true });
  await verdictButton(1, 'approve').click();
  await pane.getByLabel(L('inspect.comment')).fill('entered on row 10');
  await page.locator('[data-cell=C12]').click();
  await leaving.waitFor();
  await t.screenshot('nav-asks');
  await leaving
    .getByText(L('inspect.leave.ask', { id: (await s.shown()).id, where: L('inspect.leave.row', { row: 12 }) }))
    .waitFor();
  t.check(
    (await s.shown()).row === 10,
    'a row clicked with unsaved input does not switch before the inspector answers',
  );
  await leave('inspect.leave.stay').click();
  await leaving.waitFor({ state: 'detached' });
  t.check(
    (await pane.getByLabel(L('inspect.comment')).inputValue()) === 'entered on row 10',
    'Keep editing keeps the unsaved comment',
  );
  await pane.getByRole('button', { name: L('inspect.previous'), exact: true }).click();
  await leave('inspect.leave.save').click();
  await s.waitForRow(9);
  sheet = await s.rows();
  t.check(
    sheet.cell(10, 'qa_verdict') === 'approve' && sheet.cell(10, 'qa_comment') === 'entered on row 10',
    `Save, then open saved row 10 before opening row 9: ` +
      `${sheet.cell(10, 'qa_verdict')} / ${sheet.cell(10, 'qa_comment')}`,
  );
  await pane.getByLabel(L('inspect.comment')).fill('thrown away on purpose');
  await jump('15');
  await leave('inspect.leave.discard').click();
  await s.waitForRow(15);
  t.check((await s.rows()).cell(9, 'qa_comment') === '', 'Discard and open writes nothing to row 9');
  await t.screenshot('nav-leaving');
};
module.exports.viewport = { width: 1366, height: 768 };
