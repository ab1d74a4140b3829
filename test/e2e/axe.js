// One accessibility check for every page of the pane: axe, plus what axe 4.x no longer reports
// (its duplicate-id rules are deprecated and skipped even when enabled): every id in the pane is
// unique, so a label's `for` names one control, and clicking the label "Remove" ticks Remove.
const { AxeBuilder } = require('@axe-core/playwright');

/** Ids used twice in the pane, and labels whose `for` is ambiguous. */
async function idProblems(page, scope) {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope) ?? document.body;
    const seen = new Map();
    for (const el of root.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    const problems = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `id "${id}" used ${n} times`);
    for (const label of root.querySelectorAll('label[for]')) {
      const n = seen.get(label.htmlFor) ?? 0;
      // A Fluent Field around a group (RadioGroup) leaves its label's
      // `for` dangling, harmless: the group is named by aria-labelledby.
      if (n > 1) problems.push(`label "${label.textContent}" points to ${n} elements (#${label.htmlFor})`);
    }
    return problems;
  }, scope);
}

/** Fluent's focus manager adds invisible sentinels (data-tabster-dummy): its documented mechanism, not content. */
async function axeCheck(t, page, where, scope = '#pane') {
  const report = await new AxeBuilder({ page }).include(scope).exclude('[data-tabster-dummy]').analyze();
  t.check(
    report.violations.length === 0,
    `axe on ${where}: ${report.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0]?.target})`).join(', ')}`,
  );
  const ids = await idProblems(page, scope);
  t.check(ids.length === 0, `ids on ${where}: ${ids.join('; ')}`);
}

module.exports = { axeCheck, idProblems };
