/**
 * Folds a header, alias or value to the key used for matching: NFKC (full-width to half-width),
 * lower case, and without spaces, underscores, hyphens, dots or middle dots.
 *
 * @example normalizeKey('Ｖｉｄｅｏ＿ＩＤ') // 'videoid'
 * @example normalizeKey(' 動画 ID ') // '動画id'
 * Invalid input: anything that is not a string is first turned into one with `String()`.
 */
export function normalizeKey(text: unknown): string {
  const s = typeof text === 'string' ? text : String(text ?? '');
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.・／/]+/gu, '');
}
