/**
 * First-seen rows of item IDs, for the duplicate rules on a full sheet (values are 32-bit
 * integers: the validator stores row × 8 + verdict). A JavaScript Map of a
 * million string keys took most of the validator's time (growing and rehashing its table, and
 * the collector walking it); this open-addressing table keeps each slot's hash and value side
 * by side in one typed array, hashes each ID once (FNV-1a over its UTF-16 code units) and compares the strings
 * only when their hashes meet.
 */
export class ItemIdIndex {
  /** Two numbers per slot, side by side so an insert touches one cache line: the hash (0 = empty) and the value. */
  private slots: Int32Array;
  private keys: (string | undefined)[];
  private mask: number;
  private count = 0;

  constructor(expected = 1 << 12) {
    let capacity = 1 << 4;
    while (capacity < expected * 2) capacity <<= 1;
    this.slots = new Int32Array(capacity * 2);
    this.keys = new Array<string | undefined>(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for `id`, or undefined. */
  get(id: string): number | undefined {
    const h = hashOf(id);
    const slots = this.slots;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const stored = slots[i * 2];
      if (stored === 0) return undefined;
      if (stored === h && this.keys[i] === id) return slots[i * 2 + 1];
    }
  }

  /**
   * Stores `value` for `id` unless it is there already; returns the value stored before, or
   * undefined when `id` is new (one probe sequence for the lookup and the insert).
   */
  setIfAbsent(id: string, value: number): number | undefined {
    const h = hashOf(id);
    const slots = this.slots;
    let i = h & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const stored = slots[i * 2];
      if (stored === 0) break;
      if (stored === h && this.keys[i] === id) return slots[i * 2 + 1];
    }
    slots[i * 2] = h;
    slots[i * 2 + 1] = value;
    this.keys[i] = id;
    if (++this.count * 2 > this.mask) this.grow();
    return undefined;
  }

  private grow(): void {
    const { slots: old, keys } = this;
    const capacity = old.length; // twice the slots: each slot is two numbers
    const slots = new Int32Array(capacity * 2);
    this.keys = new Array<string | undefined>(capacity);
    const mask = capacity - 1;
    for (let j = 0; j < old.length / 2; j++) {
      const h = old[j * 2];
      if (h === 0) continue;
      let i = h & mask;
      while (slots[i * 2] !== 0) i = (i + 1) & mask;
      slots[i * 2] = h;
      slots[i * 2 + 1] = old[j * 2 + 1];
      this.keys[i] = keys[j];
    }
    this.slots = slots;
    this.mask = mask;
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
