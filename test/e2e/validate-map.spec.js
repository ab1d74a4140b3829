// Issue 10, Map and Validate as an analyst meets them, mouse first: the mapping warns, naming the
// column, when one column is mapped to two fields and when the verdict column holds no verdict;
// on Validate a rule and a severity with nothing in common say so and offer "Clear filters", and
// Next finding goes to each finding's cell in the grid. Every page of the pane passes axe (with
// unique ids) in English and Japanese, the Trends page included.
require('tsx/cjs');
const { t: translate } = require('../../src/i18n/index.ts');
const { escape } = require('./catalog');
const { columnLetter } = require('../../src/excelSpec/index.ts');
const { axeCheck } = require('./axe');

module.exports = async function validateMap(t) {
  const { page } = t;
  for (const lang of ['en', 'ja']) {
    const L = (key, params) => translate(key, params, lang);
    const pattern = (key) =>
      new RegExp(
        L(key)
          .split(/\{\w+\}/)
          .map(escape)
          .join('.*'),
      );
    const pane = page.locator('#pane');
    const tab = (key) => pane.getByRole('tab', { name: L(key) });
    await page.goto(`${t.baseUrl}/workbench.html?lang=${lang}`);
    // The first pass left unsaved work (QA Settings, QA Findings): the workbench offers it back; start afresh.
    if (lang !== 'en')
      await page
        .getByRole('alertdialog', { name: L('wb.restore.title') })
        .getByRole('button', { name: L('wb.restore.discard') })
        .click();
    await pane.getByRole('button', { name: L('map.confirm') }).waitFor();
    t.check(
      (await pane.locator('[data-testid^=map-warning]').count()) === 0,
      `${lang}: the detected mapping has no warnings`,
    );

    // One column for two fields: the policy field set to the moderator's column.
    const select = (field) => pane.locator(`#map-${field}`);
    const moderator = Number(await select('moderator').inputValue());
    const header = await page.evaluate(
      () => window.__workbench.book.valuesOf(window.__workbench.book.model.activeSheet.name)[0],
    );
    await select('policy').selectOption(String(moderator));
    const same = pane.getByTestId('map-warning-sameColumn');
    await same.waitFor();
    const column = `${columnLetter(moderator)} (${header[moderator]})`;
    t.check(
      (await same.innerText()).includes(
        L('map.warn.sameColumn', { column, fields: `${L('field.moderator')}, ${L('field.policy')}` }),
      ),
      `${lang}: same column named: ${await same.innerText()}`,
    );
    // A verdict column without verdicts: the market column.
    const market = Number(await select('market').inputValue());
    await select('verdict').selectOption(String(market));
    const none = pane.getByTestId('map-warning-noVerdicts');
    await none.waitFor();
    t.check(
      (await none.innerText()).includes(`${columnLetter(market)} (${header[market]})`),
      `${lang}: the verdict warning names the column: ${await none.innerText()}`,
    );
    await t.screenshot(`${lang}-map-warnings`);
    await axeCheck(t, page, `Map with warnings (${lang})`);
    // Detecting again puts the mapping back, and the warnings go.
    await pane.getByRole('button', { name: L('map.detect') }).click();
    await none.waitFor({ state: 'detached' });
    t.check((await pane.locator('[data-testid^=map-warning]').count()) === 0, `${lang}: warnings go with the fix`);
    await pane.getByRole('button', { name: L('map.confirm') }).click();
    await pane.getByText(L('map.confirmed')).waitFor();

    // Validate: a rule and a severity with nothing in common never strand the analyst.
    await tab('page.validate').click();
    await pane.getByRole('button', { name: L('validate.run') }).click();
    await pane.getByText(pattern('validate.checked')).waitFor({ timeout: 20000 });
    await axeCheck(t, page, `Validate (${lang})`);
    const total = await pane.locator('ul li button').count();
    const ruleLinks = pane.getByRole('table', { name: L('validate.byRule') }).getByRole('button');
    const severityTabs = pane.getByRole('tablist', { name: L('validate.filter') }).getByRole('tab');
    let stranded = false;
    for (let r = 0; r < (await ruleLinks.count()) && !stranded; r++) {
      await ruleLinks.nth(r).click();
      for (let s = 1; s < (await severityTabs.count()) && !stranded; s++) {
        await severityTabs.nth(s).click();
        stranded = (await pane.getByTestId('validate-no-match').count()) > 0;
      }
      if (!stranded) await ruleLinks.nth(r).click();
    }
    t.check(stranded, `${lang}: the demo has a rule and a severity with nothing in common`);
    const noMatch = pane.getByTestId('validate-no-match');
    t.check(
      pattern('validate.noMatch').test(await noMatch.innerText()),
      `${lang}: says nothing matches: ${await noMatch.innerText()}`,
    );
    await t.screenshot(`${lang}-validate-no-match`);
    await axeCheck(t, page, `Validate, nothing matches (${lang})`);
    await noMatch.getByRole('button', { name: L('validate.clearFilters') }).click();
    await noMatch.waitFor({ state: 'detached' });
    t.check(
      (await pane.locator('ul li button').count()) === total,
      `${lang}: Clear filters shows every finding again (${total})`,
    );

    // Next finding goes to the finding's cell.
    for (const n of [1, 2]) {
      await pane.getByRole('button', { name: L('validate.nextFinding') }).click();
      const position = pane.getByTestId('validate-position');
      await position.waitFor();
      const cell = /([A-Z]+\d+)$/.exec((await position.innerText()).trim());
      t.check(
        cell && (await position.innerText()).includes(L('validate.position', { n, total: '@' }).split('@')[0]),
        `${lang}: position ${n}: ${await position.innerText()}`,
      );
      await page.waitForFunction((want) => document.querySelector('[data-testid=address]').value === want, cell[1]);
      t.check(
        (await pane.locator('ul li button[aria-current=true]').count()) === 1,
        `${lang}: the finding gone to is marked in the list`,
      );
    }

    // The pages the loops do not open: Trends; and the Sample page's Cochran and stratified fields.
    await tab('page.sample').click();
    await pane.getByRole('radio', { name: L('sample.size.cochran') }).click();
    await pane.getByRole('radio', { name: new RegExp(escape(L('sample.method.stratified_neyman'))) }).click();
    await pane.getByLabel(L('sample.expectedRate')).waitFor();
    await axeCheck(t, page, `Sample, Cochran and stratified (${lang})`);
    await tab('page.trends').click();
    await pane.getByText(L('empty.trends.title')).first().waitFor();
    await axeCheck(t, page, `Trends (${lang})`);
  }
};
