// Issue 10, item 1: the policy picker with the mouse, on a pre-filled field (the moderator's
// policy), in English and Japanese: click, Ctrl+A, a Japanese name and an alias typed, Backspace,
// a pick by mouse and by ↓ + Enter, saves; partial text is refused, never completed to a guess.
// The workbook's QA policy column holds the code the analyst chose.
require('tsx/cjs');
const fs = require('node:fs');
const path = require('node:path');
const { axeCheck } = require('./axe');
const { defaultTaxonomy } = require('../../src/core/taxonomy/defaultTaxonomy.ts');
const { policyLabel, resolvePolicyText } = require('../../src/core/taxonomy/policySearch.ts');
const { openInspect } = require('./inspect');

const taxonomy = defaultTaxonomy();
const label = (code, lang) =>
  policyLabel(
    taxonomy.policies.find((p) => p.code === code),
    lang,
  );

// What the analyst types, and the policy they mean; `pick` is how they choose it.
const STEPS = {
  en: [
    { type: 'ヘイトスピーチ・憎悪的な行為', code: 'SAF.HATE', pick: 'mouse' },
    { type: 'harassmentx', backspace: 1, code: 'SAF.HARASS', pick: 'keys' },
    { type: 'Spam', code: 'INT.FAKE', pick: 'keys' },
  ],
  ja: [
    { type: 'いじめ', code: 'SAF.HARASS', pick: 'mouse' },
    { type: 'ショッキング・生々しい内容', code: 'SEN.GRAPHIC', pick: 'keys' },
    { type: 'すぱむx', backspace: 1, code: 'INT.FAKE', pick: 'mouse' },
  ],
};

async function pickerIn(t, lang) {
  const { page } = t;
  const s = await openInspect(t, lang, `P-${lang}`, '&pane=350');
  const { L, pane, picker } = s;
  const removeButton = pane.getByRole('button', { name: `2 ${L('verdict.remove')}`, exact: true });
  const jumpTo = async (id, row) => {
    await pane.getByLabel(L('inspect.jump')).fill(id);
    await pane.getByRole('button', { name: L('inspect.jumpGo'), exact: true }).click();
    await s.waitForRow(row);
  };
  // Pending items whose moderator named a policy other than the ones typed here: the picker is pre-filled.
  const typed = new Set(STEPS[lang].map((x) => x.code));
  const items = (await s.rows()).rows.filter(
    (r) => r.policy && resolvePolicyText(taxonomy, r.policy) && !typed.has(resolvePolicyText(taxonomy, r.policy).code),
  );
  t.check(items.length >= STEPS[lang].length + 2, `enough items with a moderator policy: ${items.length}`);
  let done = 0;
  const saved = async () => {
    done++;
    await pane
      .getByText(L('inspect.progress', { done, total: 50 }))
      .first()
      .waitFor();
  };

  for (const [i, step] of STEPS[lang].entries()) {
    const item = items[i];
    const moderator = resolvePolicyText(taxonomy, item.policy).code;
    await jumpTo(item.itemId, item.index + 2);
    await removeButton.click();
    t.check(
      (await picker.inputValue()) === label(moderator, lang),
      `${lang}: pre-filled with the moderator's policy: ${await picker.inputValue()}`,
    );
    // Click: the list opens with every policy, the pre-filled one marked.
    await picker.click();
    const selected = pane.getByRole('listbox').getByRole('option', { selected: true });
    await selected.waitFor();
    t.check((await selected.innerText()).startsWith(moderator), `${lang}: the pre-filled policy is marked in the list`);
    if (i === 0) {
      await axeCheck(t, page, `Inspect with the policy list open (${lang})`);
      await t.screenshot(`${lang}-open`);
    }
    // Ctrl+A and typing replace the whole text; the list follows what the field holds.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(step.type);
    if (step.backspace) {
      await pane.getByText(L('inspect.noPolicyMatch', { text: step.type })).waitFor();
      for (let k = 0; k < step.backspace; k++) await page.keyboard.press('Backspace');
    }
    const options = pane.getByRole('listbox').getByRole('option');
    await page.waitForFunction(
      (code) => document.querySelector('#pane [role=option]')?.textContent?.startsWith(code),
      step.code,
    );
    t.check(
      (await picker.inputValue()) === step.type.slice(0, step.type.length - (step.backspace ?? 0)),
      `${lang}: the field holds what was typed: ${await picker.inputValue()}`,
    );
    if (step.pick === 'mouse') {
      await options.filter({ hasText: step.code }).first().click();
    } else {
      await page.keyboard.press('ArrowDown');
      const active = await picker.getAttribute('aria-activedescendant');
      t.check(
        active && (await page.locator(`[id="${active}"]`).innerText()).startsWith(step.code),
        `${lang}: ↓ highlights the first match, ${step.code}`,
      );
      await page.keyboard.press('Enter');
    }
    t.check(
      (await picker.inputValue()) === label(step.code, lang),
      `${lang}: picked ${step.code}: ${await picker.inputValue()}`,
    );
    await t.screenshot(`${lang}-picked-${i}`);
    if (i % 2) await page.keyboard.press('Control+Enter');
    else await pane.getByRole('button', { name: L('inspect.save'), exact: true }).click();
    await saved();
    const sheet = await s.rows();
    t.check(
      sheet.cell(item.index + 2, 'qa_policy') === step.code,
      `${lang}: the sheet holds ${step.code} for item ${item.itemId}: ${sheet.cell(item.index + 2, 'qa_policy')}`,
    );
  }

  // Part of a name is not a choice: Save refuses it and records nothing; ↓ + Enter picks what is highlighted.
  const partial = items[STEPS[lang].length];
  await jumpTo(partial.itemId, partial.index + 2);
  await removeButton.click();
  await picker.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('いじ');
  await page.keyboard.press('Control+Enter');
  await pane.getByText(L('inspect.pickPolicy', { text: 'いじ' })).waitFor();
  t.check((await s.rows()).cell(partial.index + 2, 'qa_verdict') === '', `${lang}: nothing saved for partial text`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await saved();
  t.check(
    (await s.rows()).cell(partial.index + 2, 'qa_policy') === 'SAF.HARASS',
    `${lang}: ↓ + Enter on いじ recorded SAF.HARASS`,
  );

  // Agreeing with the pre-filled policy records the moderator's policy.
  const agree = items[STEPS[lang].length + 1];
  await jumpTo(agree.itemId, agree.index + 2);
  await removeButton.click();
  await pane.getByRole('button', { name: L('inspect.save'), exact: true }).click();
  await saved();
  const code = resolvePolicyText(taxonomy, agree.policy).code;
  t.check(
    resolvePolicyText(taxonomy, String((await s.rows()).cell(agree.index + 2, 'qa_policy')))?.code === code,
    `${lang}: the pre-filled ${code} is recorded`,
  );
}

/** A second browser context, set up as run.js sets up each spec's: no draft of the first visit is offered back. */
async function freshContext(t) {
  const context = await t.browser.newContext({ viewport: module.exports.viewport });
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(t.baseUrl)) return route.continue();
    if (url.includes('appsforoffice.microsoft.com'))
      return route.fulfill({
        contentType: 'text/javascript',
        body: fs.readFileSync(path.join(__dirname, 'officeStub.js'), 'utf8'),
      });
    return route.abort();
  });
  page.on('pageerror', (e) => t.errors.push(e.message));
  const screenshot = (name) => page.screenshot({ path: t.artifact(`screenshots/inspect-picker-${name}.png`) });
  return { context, t: { ...t, page, screenshot } };
}

module.exports = async function inspectPicker(t) {
  await pickerIn(t, 'en');
  const ja = await freshContext(t);
  try {
    await pickerIn(ja.t, 'ja');
  } finally {
    await ja.context.close();
  }
};
module.exports.viewport = { width: 1366, height: 768 };
