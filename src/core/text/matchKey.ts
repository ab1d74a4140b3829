/**
 * The text two IDs or names are compared by: NFKC (full-width digits and letters become ASCII,
 * NFD names compose as NFC), zero-width characters and soft hyphens removed, a leading apostrophe
 * (Excel's "keep as text" mark typed into a CSV) dropped, spaces trimmed. The original text is
 * what the sheets show; only matching uses this.
 *
 * @example matchKey('１２３\u200b') // '123'
 * @example matchKey("'00123") // '00123'
 * @example matchKey('Jose\u0301') === matchKey('José') // true
 */
export function matchKey(text: string): string {
  // Fast path: printable ASCII without a leading apostrophe or edge spaces is its own key (most IDs).
  let ascii =
    text.length > 0 &&
    text.charCodeAt(0) !== 39 &&
    text.charCodeAt(0) !== 32 &&
    text.charCodeAt(text.length - 1) !== 32;
  for (let i = 0; ascii && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) ascii = false;
  }
  if (ascii) return text;
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .trim()
    .replace(/^'/, '')
    .trim();
}
