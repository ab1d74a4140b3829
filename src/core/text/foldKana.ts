import { normalizeKey } from './normalizeKey';

/**
 * Folds text for matching Japanese as well as English: normalizeKey (NFKC, so half-width ｶﾀｶﾅ
 * becomes full-width; lower case; no spaces or separators), then katakana to hiragana, so スパム,
 * ｽﾊﾟﾑ and すぱむ match. Parenthesised notes such as （旧コード） are left out.
 *
 * @example foldKana('ｽﾊﾟﾑ') // 'すぱむ'
 * @example foldKana('スパム（旧コード）') // 'すぱむ'
 * Invalid input: anything that is not a string is first turned into one with `String()`.
 */
export function foldKana(text: unknown): string {
  const s = typeof text === 'string' ? text : String(text ?? '');
  const key = normalizeKey(s.normalize('NFKC').replace(/\([^)]*\)/gu, ''));
  return key.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Character bigrams of a folded key (the key itself when shorter than two). */
function bigrams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars.length ? [key] : [];
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/**
 * How alike two folded keys are, from 0 to 1: 1 when one contains the other (a short local name
 * inside the taxonomy's long one, or the reverse), else the Dice coefficient of their character
 * bigrams (what works for Japanese, where edit distance over long names says little).
 *
 * @example similarity(foldKana('ヘイトスピーチ'), foldKana('ヘイトスピーチ・憎悪的な行為')) // 1
 * Invalid input: an empty key gives 0.
 */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const shorter = [...a].length <= [...b].length ? a : b;
  const longer = shorter === a ? b : a;
  if ([...shorter].length >= 2 && longer.includes(shorter)) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
