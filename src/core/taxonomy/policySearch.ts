import type { Lang } from '../../i18n';
import { createPolicyIndex } from './policyIndex';
import { foldKana } from '../text/foldKana';
import { normalizeKey } from '../text/normalizeKey';
import type { Policy, Taxonomy } from './types';

/** One policy a search found, and why. */
export interface PolicyMatch {
  policy: Policy;
  /** The code, name or alias that matched; `''` for an empty query (every policy is listed). */
  matched: string;
  /** 0: the whole name; 1: the name starts with the query; 2: the name contains it; 3: empty query. */
  rank: 0 | 1 | 2 | 3;
}

/** What an inspector may choose: active policies, not sections. */
export const isChoosable = (p: Policy): boolean => p.parent !== '' && p.status === 'active';

/**
 * How a policy is shown in the picker and written back into it: "CODE — name" in `lang` (the
 * other language's name when this one has none).
 *
 * @example policyLabel(harass, 'ja') // 'SAF.HARASS — 嫌がらせ・いじめ'
 * Invalid input: a policy without names gives its code alone.
 */
export function policyLabel(p: Policy, lang: Lang): string {
  const name = lang === 'ja' ? p.nameJa || p.nameEn : p.nameEn || p.nameJa;
  return name ? `${p.code} — ${name}` : p.code;
}

/** A label's code part ("SAF.HATE — Hate speech…" → "SAF.HATE"); other text as it is. */
function withoutName(text: string, taxonomy: Taxonomy): string {
  const cut = text.indexOf(' — ');
  if (cut < 0) return text;
  const code = text.slice(0, cut).trim();
  return taxonomy.policies.some((p) => p.code.toUpperCase() === code.toUpperCase()) ? code : text;
}

/**
 * The choosable policies whose code, English name, Japanese name or alias holds `query`, best
 * first: the whole name, then names that start with it, then names containing it (taxonomy order
 * within each). Matching folds width, case, separators (NFKC, normalizeKey) and katakana to
 * hiragana (foldKana), so いじめ finds イジメ and ｽﾊﾟﾑ finds スパム. A picker label
 * ("CODE — name") searches by its code. An empty query lists every choosable policy.
 *
 * @example searchPolicies(defaultTaxonomy(), 'いじめ')[0].policy.code // 'SAF.HARASS'
 * Invalid input: text that matches nothing gives `[]`; the taxonomy is not changed.
 */
export function searchPolicies(taxonomy: Taxonomy, query: string): PolicyMatch[] {
  const choosable = taxonomy.policies.filter(isChoosable);
  const text = withoutName(query.trim(), taxonomy);
  const key = normalizeKey(text);
  const folded = foldKana(text);
  if (!key && !folded) return choosable.map((policy) => ({ policy, matched: '', rank: 3 }));
  const rankOf = (name: string): PolicyMatch['rank'] | undefined => {
    const k = normalizeKey(name);
    const f = foldKana(name);
    if (!k && !f) return undefined;
    if ((key && k === key) || (folded && f === folded)) return 0;
    if ((key && k.startsWith(key)) || (folded && f.startsWith(folded))) return 1;
    if ((key && k.includes(key)) || (folded && f.includes(folded))) return 2;
    return undefined;
  };
  const found: PolicyMatch[] = [];
  for (const policy of choosable) {
    let best: PolicyMatch | undefined;
    for (const name of [policy.code, policy.nameEn, policy.nameJa, ...(policy.aliases ?? [])]) {
      const rank = rankOf(name);
      if (rank !== undefined && (!best || rank < best.rank)) best = { policy, matched: name, rank };
    }
    if (best) found.push(best);
  }
  // Array.prototype.sort is stable: taxonomy order within a rank.
  return found.sort((a, b) => a.rank - b.rank);
}

/**
 * The policy a picker's text names exactly (code, name in either language, alias, or a label
 * "CODE — name"), or `undefined`: text that only partly matches names nothing, so a save never
 * records a policy the inspector did not choose. A deprecated policy gives its replacement.
 *
 * @example resolvePolicyText(defaultTaxonomy(), 'いじめ')?.code // 'SAF.HARASS'
 * @example resolvePolicyText(defaultTaxonomy(), 'いじ') // undefined
 * Invalid input: empty text gives `undefined`.
 */
export function resolvePolicyText(taxonomy: Taxonomy, text: string): Policy | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const index = createPolicyIndex(taxonomy);
  const found = index.find(withoutName(trimmed, taxonomy));
  if (found?.status === 'deprecated' && found.replacedBy) return index.byCode.get(found.replacedBy) ?? found;
  return found && found.parent !== '' ? found : undefined;
}
