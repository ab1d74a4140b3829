import type { Policy, Taxonomy } from './types';
import { editDistance } from '../text/editDistance';
import { foldKana, similarity } from '../text/foldKana';
import { normalizeKey } from '../text/normalizeKey';

/** Finds policies by code, English or Japanese name, or alias, and suggests the nearest for an unknown one. */
export interface PolicyIndex {
  /** The policy a cell names (code, name in either language, alias; kana and width variants too), or `undefined`. */
  find(value: unknown): Policy | undefined;
  /**
   * The code nearest to an unknown value, if close enough: edit distance for Latin text; for
   * Japanese, containment either way (ヘイトスピーチ in ヘイトスピーチ・憎悪的な行為) or shared
   * character pairs, after NFKC and folding katakana to hiragana. A deprecated policy's
   * replacement is suggested in its place.
   */
  suggest(value: unknown): string | undefined;
  byCode: ReadonlyMap<string, Policy>;
}

/** Pairs of characters two Japanese names must share (Dice) before one is suggested for the other. */
const MIN_SIMILARITY = 0.5;

/**
 * Builds the lookup for a taxonomy.
 *
 * @example createPolicyIndex(defaultTaxonomy()).find('ヘイトスピーチ・憎悪的な行為')?.code // 'SAF.HATE'
 * @example createPolicyIndex(defaultTaxonomy()).suggest('ショッキングな生々しい動画') // 'SEN.GRAPHIC'
 * Invalid input: an empty taxonomy gives an index that finds nothing.
 */
export function createPolicyIndex(taxonomy: Taxonomy): PolicyIndex {
  const keyed = new Map<string, Policy>();
  const folded = new Map<string, Policy>();
  const byCode = new Map<string, Policy>();
  for (const p of taxonomy.policies) {
    byCode.set(p.code, p);
    for (const name of [p.code, p.nameEn, p.nameJa, ...(p.aliases ?? [])]) {
      const k = normalizeKey(name);
      if (k && !keyed.has(k)) keyed.set(k, p);
      const f = foldKana(name);
      if (f && !folded.has(f)) folded.set(f, p);
    }
  }
  const candidates = [...keyed.keys()];
  const foldedCandidates = [...folded.keys()].filter((k) => /[^\x00-\x7f]/u.test(k));
  const current = (p: Policy | undefined) =>
    p && p.status === 'deprecated' && p.replacedBy && byCode.has(p.replacedBy) ? p.replacedBy : p?.code;
  return {
    byCode,
    find(value) {
      if (value === '' || value === null || value === undefined) return undefined;
      return keyed.get(normalizeKey(value)) ?? folded.get(foldKana(value));
    },
    suggest(value) {
      const k = normalizeKey(value);
      if (!k) return undefined;
      if (/[^\x00-\x7f]/u.test(k)) {
        const f = foldKana(value);
        let best: string | undefined;
        let bestScore = 0;
        for (const c of foldedCandidates) {
          const score = similarity(f, c);
          // Ties go to the closer length (the more specific name).
          if (
            score > bestScore ||
            (score === bestScore &&
              best !== undefined &&
              Math.abs(c.length - f.length) < Math.abs(best.length - f.length))
          ) {
            bestScore = score;
            best = c;
          }
        }
        if (best !== undefined && bestScore >= MIN_SIMILARITY) return current(folded.get(best));
      }
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
      return current(keyed.get(best));
    },
  };
}
