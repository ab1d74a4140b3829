// Issue 10, the Sample form as an analyst meets it, mouse first, on a 350-px pane: clicking the
// label "Remove" ticks Remove (not Approve); the expected error rate changes Cochran's size (to the
// formula's value); a Japanese batch name 「第48週」 draws, and w-48, w_48 and w 48 draw side by
// side; the result of Preview and of Draw is in view without scrolling.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape, pattern } = require('./catalog');
const { cochranSampleSize } = require('../../src/core/sampling/cochranSampleSize.ts');
const { axeCheck } = require('./axe');

module.exports = async function sampleForm(t) {
  const { page } = t;
  const L = (key, params) => translate(key, params, 'en');
  const pane = page.locator('#pane');

  await page.goto(`${t.baseUrl}/workbench.html?lang=en&pane=350`);
  const paneBox = await pane.boundingBox();
  t.check(Math.abs(paneBox.width - 350) <= 1, `?pane=350 gives a 350-px pane (and its 1-px border): ${paneBox.width}`);
  /** Whether an element is inside the pane's visible part and the window (not under the fold). */
  const inView = async (locator) => {
    const box = await locator.boundingBox();
    const viewport = page.viewportSize();
    const bottom = Math.min(paneBox.y + paneBox.height, viewport.height);
    return box !== null && box.y >= paneBox.y && box.y + Math.min(box.height, 40) <= bottom;
  };

  await pane.getByRole('button', { name: L('map.confirm') }).click();
  await pane.getByText(L('map.confirmed')).waitFor();
  await pane.getByRole('tab', { name: L('page.sample') }).click();
  await pane.getByLabel(L('sample.batch')).waitFor();

  // Clicking the label "Remove" ticks Remove, and only Remove.
  const verdicts = pane.getByRole('group', { name: L('sample.verdicts') });
  await verdicts.locator('label', { hasText: new RegExp(`^${escape(L('verdict.remove'))}$`) }).click();
  t.check(
    await verdicts.getByRole('checkbox', { name: L('verdict.remove'), exact: true }).isChecked(),
    'the label "Remove" ticks Remove',
  );
  t.check(
    !(await verdicts.getByRole('checkbox', { name: L('verdict.approve'), exact: true }).isChecked()),
    'the label "Remove" leaves Approve unticked',
  );
  await verdicts.locator('label', { hasText: new RegExp(`^${escape(L('verdict.remove'))}$`) }).click();
  t.check(
    !(await verdicts.getByRole('checkbox', { name: L('verdict.remove'), exact: true }).isChecked()),
    'a second click unticks Remove',
  );
  await axeCheck(t, page, 'Sample');

  // Cochran with the expected error rate: the preview's size is the formula's, and the rate changes it.
  await pane.getByRole('radio', { name: L('sample.size.cochran') }).click();
  const rate = pane.getByLabel(L('sample.expectedRate'));
  t.check((await rate.inputValue()) === '5', `expected error rate defaults to 5%: ${await rate.inputValue()}`);
  await axeCheck(t, page, 'Sample (Cochran)');
  const previewSize = async () => {
    await pane.getByRole('button', { name: L('sample.preview') }).click();
    const title = pane.locator('#preview-title');
    await title.waitFor();
    t.check(await inView(title), 'the preview is in view on a 350-px pane');
    const [n, lot] = (await title.innerText()).replace(/,/g, '').match(/\d+/g).map(Number);
    return { n, lot };
  };
  const at5 = await previewSize();
  t.check(
    at5.n === cochranSampleSize({ population: at5.lot, confidence: 0.95, margin: 0.02, proportion: 0.05 }),
    `5%: ${at5.n} of ${at5.lot}`,
  );
  await rate.fill('20');
  await pane.locator('#preview-title').waitFor({ state: 'detached' });
  const at20 = await previewSize();
  t.check(
    at20.n !== at5.n &&
      at20.n === cochranSampleSize({ population: at20.lot, confidence: 0.95, margin: 0.02, proportion: 0.2 }),
    `20%: ${at20.n} of ${at20.lot} (5%: ${at5.n})`,
  );
  // A rate out of range is named under its field.
  await rate.fill('0');
  await pane.getByRole('button', { name: L('sample.preview') }).click();
  const message = L('sample.invalidNumber', { field: L('sample.expectedRate'), min: 0.1, max: 50 });
  const failure = pane.getByTestId('sample-result').getByRole('alert').filter({ hasText: message });
  await failure.waitFor();
  t.check(await inView(failure), 'the failure is in view');
  t.check((await pane.getByText(message).count()) === 2, 'the field says it too, under the field');
  await pane.getByRole('button', { name: L('ui.dismiss') }).click();
  await rate.fill('5');

  // A Japanese batch name draws; the result is in view and has the focus.
  await pane.getByRole('radio', { name: L('sample.size.iso2859') }).click();
  for (const batch of ['第48週', 'w-48', 'w_48', 'w 48']) {
    await pane.getByLabel(L('sample.batch')).fill(batch);
    const draw = pane.getByRole('button', { name: L('sample.draw') });
    t.check(await draw.isEnabled(), `Draw is enabled for ${batch}`);
    await draw.click();
    const drawn = pane.getByText(L('sample.drawn', { batch, n: 50, lot: '@' }).split('@')[0]);
    await drawn.waitFor({ timeout: 20000 });
    t.check(await inView(drawn), `the Draw result for ${batch} is in view on a 350-px pane`);
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid=sample-result]') !== null);
    t.check(focused, `the Draw result for ${batch} has the focus`);
    await page.getByRole('tab', { name: `QA ${batch}` }).waitFor();
  }
  await t.screenshot('drawn-350');
  // Each batch its own table (the table name maps every character that is not a letter or digit to its code).
  const tables = await page.evaluate(() => window.__workbench.book.model.tables.map((x) => x.name));
  const wanted = ['QA__7B2C48_9031', 'QA_w_002D48', 'QA_w_005F48', 'QA_w_002048'];
  t.check(
    wanted.every((x) => tables.includes(x)),
    `four tables, one per batch: ${tables.join(', ')}`,
  );
  await axeCheck(t, page, 'Sample (drawn)');
};

module.exports.viewport = { width: 1024, height: 640 };
