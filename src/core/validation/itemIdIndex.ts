/**
 * First-seen rows of item IDs, for the duplicate rules on a full sheet. A JavaScript Map of a
 * million string keys took most of the validator's time (growing and rehashing its table, and
 * the collector walking it); this open-addressing table keeps the hashes and values in typed
 * arrays, hashes each ID once (FNV-1a over its UTF-16 code units) and compares the strings
 * only when their hashes meet.
 */
export class ItemIdIndex {
  private hashes: Int32Array;
  private values: Float64Array;
  private keys: (string | undefined)[];
  private mask: number;
  private count = 0;

  constructor(expected = 1 << 12) {
    let capacity = 1 << 4;
    while (capacity < expected * 2) capacity <<= 1;
    this.hashes = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for `id`, or undefined. */
  get(id: string): number | undefined {
    const h = hashOf(id);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const stored = this.hashes[i];
      if (stored === 0) return undefined;
      if (stored === h && this.keys[i] === id) return this.values[i];
    }
  }

  /**
   * Stores `value` for `id` unless it is there already; returns the value stored before, or
   * undefined when `id` is new (one probe sequence for the lookup and the insert).
   */
  setIfAbsent(id: string, value: number): number | undefined {
    const h = hashOf(id);
    let i = h & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const stored = this.hashes[i];
      if (stored === 0) break;
      if (stored === h && this.keys[i] === id) return this.values[i];
    }
    this.hashes[i] = h;
    this.values[i] = value;
    this.keys[i] = id;
    if (++this.count * 2 > this.mask) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hashes, values, keys } = this;
    const capacity = hashes.length * 2;
    this.hashes = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j];
      if (h === 0) continue;
      let i = h & this.mask;
      while (this.hashes[i] !== 0) i = (i + 1) & this.mask;
      this.hashes[i] = h;
      this.values[i] = values[j];
      this.keys[i] = keys[j];
    }
  }
}

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot). */
function hashOf(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  // Spread the low bits (they pick the slot): sequential IDs differ only in their last characters.
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return h | 1;
}
