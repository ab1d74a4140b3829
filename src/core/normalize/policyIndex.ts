import type { Policy, Taxonomy } from '../taxonomy/types';
import { editDistance } from '../text/editDistance';
import { normalizeKey } from '../text/normalizeKey';

/** Finds policies by code or by English or Japanese name, and suggests the nearest for a typo. */
export interface PolicyIndex {
  /** The policy a cell names, or `undefined`. */
  find(value: unknown): Policy | undefined;
  /** The code nearest to an unknown value (edit distance over codes and names in both languages), if close enough. */
  suggest(value: unknown): string | undefined;
  byCode: ReadonlyMap<string, Policy>;
}

/**
 * Builds the lookup for a taxonomy.
 *
 * @example createPolicyIndex(defaultTaxonomy()).find('ヘイトスピーチ・憎悪的な行為')?.code // 'SAF.HATE'
 * Invalid input: an empty taxonomy gives an index that finds nothing.
 */
export function createPolicyIndex(taxonomy: Taxonomy): PolicyIndex {
  const keyed = new Map<string, Policy>();
  const byCode = new Map<string, Policy>();
  for (const p of taxonomy.policies) {
    byCode.set(p.code, p);
    for (const name of [p.code, p.nameEn, p.nameJa]) {
      const k = normalizeKey(name);
      if (k && !keyed.has(k)) keyed.set(k, p);
    }
  }
  const candidates = [...keyed.keys()];
  return {
    byCode,
    find(value) {
      if (value === '' || value === null || value === undefined) return undefined;
      return keyed.get(normalizeKey(value));
    },
    suggest(value) {
      const k = normalizeKey(value);
      if (!k) return undefined;
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const c of candidates) {
        if (Math.abs(c.length - k.length) >= bestDistance) continue;
        const d = editDistance(k, c);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      // A suggestion is only useful when it is closer than a third of the word.
      if (best === undefined || bestDistance > Math.max(1, Math.floor(k.length / 3))) return undefined;
      return keyed.get(best)?.code;
    },
  };
}
