import { md5 } from 'js-md5';

const TWO_52 = 2 ** 52;

/**
 * The draw key of one item: MD5 of the UTF-8 text `seed:item_id`, its first 13 hex digits read as
 * an integer and divided by 2^52, giving a number in [0, 1) that is exact in a double. SQL engines
 * compute the same value (docs/SAMPLING.md), so a warehouse can draw the very same sample.
 *
 * @example sampleKey('2026-w48', '7301234567890123456') // a number in [0, 1), the same on every platform
 * Invalid input: none; any strings hash (an empty item ID is still a key, validation flags it).
 */
export function sampleKey(seed: string, itemId: string): number {
  const b = md5.array(`${seed}:${itemId}`);
  // 13 hex digits = 6 whole bytes and the high nibble of the 7th: at most 2^52 − 1, exact in a double.
  const high = ((((b[0] * 256 + b[1]) * 256 + b[2]) * 256 + b[3]) * 256 + b[4]) * 256 + b[5];
  return (high * 16 + (b[6] >> 4)) / TWO_52;
}

/** The MD5 hex digest of a UTF-8 string (exposed for the SQL cross-check in tests and docs). */
export function md5Hex(text: string): string {
  return md5.hex(text);
}
