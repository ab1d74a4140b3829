import { md5Key, md5KeyWithPrefix } from './md5Key';

/**
 * The draw key of one item: MD5 of the UTF-8 text `seed:item_id`, its first 13 hex digits read as
 * an integer and divided by 2^52, giving a number in [0, 1) that is exact in a double. SQL engines
 * compute the same value (docs/SAMPLING.md), so a warehouse can draw the very same sample.
 *
 * @example sampleKey('2026-w48', '7301234567890123456') // a number in [0, 1), the same on every platform
 * Invalid input: none; any strings hash (an empty item ID is still a key, validation flags it).
 */
export function sampleKey(seed: string, itemId: string): number {
  return md5Key(`${seed}:${itemId}`);
}

/**
 * sampleKey for one seed and many items: the same keys, without building a "seed:id" string per item.
 *
 * @example sampleKeyer('w48')('12345') === sampleKey('w48', '12345') // true
 */
export function sampleKeyer(seed: string): (itemId: string) => number {
  return md5KeyWithPrefix(`${seed}:`);
}
