import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Decision } from '../decisions/decision';
import { allocate } from './allocate';
import { decisionKeyText, drawSample, type SamplingMethod } from './drawSample';
import { md5Key, md5KeyWithPrefix } from './md5Key';
import { md5 } from 'js-md5';
import { sampleKey, sampleKeyer } from './sampleKey';

/** The reference MD5 (an independent implementation) that the core's own md5Key is checked against. */
const md5Hex = (text: string): string => md5.hex(text);

const decision = (i: number, market = ['JP', 'US', 'GB'][i % 3], moderator = `m${i % 7}`): Decision => ({
  row: i + 2,
  itemId: `73${String(i).padStart(17, '0')}`,
  moderator,
  verdict: i % 4 ? 'remove' : 'approve',
  policy: i % 4 ? ['SAF.HATE', 'INT.IP', 'REG.SCAM'][i % 3] : '',
  decidedAt: Date.UTC(2026, 10, 1 + (i % 20)),
  market,
  language: market === 'JP' ? 'ja' : 'en',
  queue: i % 2 ? 'main' : 'appeals',
  url: '',
  notes: '',
});
const population = (n: number) => Array.from({ length: n }, (_, i) => decision(i));

test('MD5 matches the RFC 1321 test suite', () => {
  expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
  expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
  expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
  expect(md5Hex('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
});

test('the draw key is the first 13 hex digits of md5(seed:item_id) over 2^52, as SQL computes it', () => {
  const hex = md5Hex('w48:12345');
  expect(sampleKey('w48', '12345')).toBe(parseInt(hex.slice(0, 13), 16) / 2 ** 52);
  // UTF-8: Japanese IDs hash as their UTF-8 bytes, as SQL engines do.
  expect(sampleKey('シード', '動画1')).toBe(parseInt(md5Hex('シード:動画1').slice(0, 13), 16) / 2 ** 52);
});

const METHODS: SamplingMethod[] = ['simple', 'stratified_proportional', 'stratified_neyman', 'risk_weighted'];

test(
  'a sample never repeats an item, has the asked size or the ' +
    'whole population, and the same seed gives the same sample',
  () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...METHODS),
        fc.string(),
        (N, n, method, seed) => {
          const pop = population(N);
          const a = drawSample(pop, {
            method,
            size: n,
            seed,
            policySeverity: { 'SAF.HATE': 4, 'REG.SCAM': 4, 'INT.IP': 1 },
          });
          const b = drawSample(pop, {
            method,
            size: n,
            seed,
            policySeverity: { 'SAF.HATE': 4, 'REG.SCAM': 4, 'INT.IP': 1 },
          });
          const ids = a.items.map((x) => x.itemId);
          return (
            new Set(ids).size === ids.length &&
            ids.length === Math.min(n, N) &&
            JSON.stringify(ids) === JSON.stringify(b.items.map((x) => x.itemId))
          );
        },
      ),
      { numRuns: 60 },
    );
  },
);

test('re-sorting the sheet or appending rows keeps the draw: bottom-k of a keyed hash', () => {
  const pop = population(500);
  const before = drawSample(pop, { method: 'simple', size: 40, seed: 's' }).items.map((x) => x.itemId);
  const shuffled = [...pop].reverse();
  expect(drawSample(shuffled, { method: 'simple', size: 40, seed: 's' }).items.map((x) => x.itemId)).toEqual(before);
  // Appended rows can only displace items by ranking below them;
  // every kept item is still one of the old or a new smaller key.
  const grown = [...pop, ...Array.from({ length: 100 }, (_, i) => decision(1000 + i))];
  const after = drawSample(grown, { method: 'simple', size: 40, seed: 's' }).items.map((x) => x.itemId);
  const newIds = new Set(grown.slice(500).map((d) => d.itemId));
  const kept = after.filter((id) => !newIds.has(id));
  expect(before.slice(0, kept.length)).toEqual(kept);
});

test('stratified allocations sum to n, respect minimums and never exceed a stratum', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 0, max: 2000 }),
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom<'proportional' | 'neyman'>('proportional', 'neyman'),
      (sizes, n, minimum, method) => {
        const strata = sizes.map((population, i) => ({ stratum: `s${i}`, population }));
        const spread = Object.fromEntries(sizes.map((_, i) => [`s${i}`, (i % 3) * 0.2]));
        const a = allocate(strata, n, { method, minimum, spread });
        const total = sizes.reduce((s, x) => s + x, 0);
        const minTotal = sizes.reduce((s, x) => s + Math.min(minimum, x), 0);
        const sum = a.reduce((s, x) => s + x.sample, 0);
        return (
          sum === Math.max(Math.min(n, total), minTotal) &&
          a.every((x) => x.sample <= x.population && x.sample >= Math.min(minimum, x.population))
        );
      },
    ),
  );
});

test('proportional allocation uses largest remainder; Neyman favours the more variable stratum', () => {
  expect(
    allocate(
      [
        { stratum: 'a', population: 50 },
        { stratum: 'b', population: 30 },
        { stratum: 'c', population: 20 },
      ],
      7,
      { method: 'proportional' },
    ).map((x) => x.sample),
  ).toEqual([4, 2, 1]);
  const ney = allocate(
    [
      { stratum: 'a', population: 100 },
      { stratum: 'b', population: 100 },
    ],
    30,
    { method: 'neyman', spread: { a: Math.sqrt(0.5 * 0.5), b: Math.sqrt(0.1 * 0.9) } },
  );
  expect(ney.map((x) => x.sample)).toEqual([19, 11]); // 30·0.5/0.8 = 18.75 → 19; 30·0.3/0.8 = 11.25 → 11
  expect(() => allocate([], -1, { method: 'proportional' })).toThrow(RangeError);
});

test('moderator quota takes k each, or all of a moderator with fewer', () => {
  const pop = [...population(70), decision(900, 'JP', 'newcomer')];
  const r = drawSample(pop, { method: 'moderator_quota', size: 0, quota: 5, seed: 'q' });
  const per = new Map<string, number>();
  for (const it of r.items) per.set(it.stratum, (per.get(it.stratum) ?? 0) + 1);
  expect(per.get('newcomer')).toBe(1);
  expect([...per.entries()].filter(([m]) => m !== 'newcomer').every(([, k]) => k === 5)).toBe(true);
});

test(
  'filters and earlier batches narrow the lot; ' +
    'risk weights favour severe policies and keep inclusion probabilities',
  () => {
    const pop = population(3000);
    const first = drawSample(pop, { method: 'simple', size: 100, seed: 'a' });
    const second = drawSample(pop, {
      method: 'simple',
      size: 100,
      seed: 'b',
      exclude: new Set(first.items.map((x) => x.itemId)),
      filters: { markets: ['JP'] },
    });
    expect(second.excluded).toBeGreaterThan(0);
    expect(second.items.every((x) => !first.items.some((y) => y.itemId === x.itemId))).toBe(true);
    expect(second.population).toBe(1000 - second.excluded);
    const risky = drawSample(pop, {
      method: 'risk_weighted',
      size: 200,
      seed: 'r',
      policySeverity: { 'SAF.HATE': 4, 'REG.SCAM': 4, 'INT.IP': 1 },
    });
    const severe = risky.items.filter((x) => x.stratum === 'severity 4').length;
    expect(severe / 200).toBeGreaterThan(0.6); // half the lot is severity 4, weighted 8:1
    expect(
      risky.items.every(
        (x) =>
          x.inclusionProbability > 0 &&
          x.inclusionProbability <= 1 &&
          Math.abs(x.weight * x.inclusionProbability - 1) < 1e-9,
      ),
    ).toBe(true);
    expect(() => drawSample(pop, { method: 'simple', size: 1.5, seed: 'x' })).toThrow(RangeError);
  },
);

// Node's own MD5 over its UTF-8 encoding is the oracle (lone surrogates become U+FFFD, as in
// every UTF-8 encoder; js-md5's pure-JS path encodes them differently, so it is not used here).
const nodeKey = (s: string) => parseInt(createHash('md5').update(s, 'utf8').digest('hex').slice(0, 13), 16) / 2 ** 52;

test('the allocation-free MD5 key agrees with an independent MD5 on any string (ASCII, Japanese, emoji, long)', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 300 })),
      (s) => md5Key(s) === nodeKey(s),
    ),
    { numRuns: 500 },
  );
  for (const s of [
    '',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    'a'.repeat(1000),
    '動画ID:7301234567890123456',
    '\ud800x',
  ]) {
    expect(md5Key(s)).toBe(nodeKey(s));
  }
});

test(
  'keying with a shared prefix gives the same keys as ' + 'hashing "prefix + text", whatever the order and lengths',
  () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 400 })), { maxLength: 8 }),
        (prefix, texts) => {
          const keyer = md5KeyWithPrefix(prefix);
          // A long text between two calls must not spoil the saved prefix.
          for (const text of texts) {
            expect(keyer(text)).toBe(nodeKey(prefix + text));
            expect(md5Key('x'.repeat(text.length * 2 + 100))).toBe(nodeKey('x'.repeat(text.length * 2 + 100)));
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(sampleKeyer('w48')('12345')).toBe(sampleKey('w48', '12345'));
    // ASCII IDs are packed straight into one block up to 55 bytes with the prefix: each side of that edge.
    for (const prefix of ['', 'w48:', 'x'.repeat(55), 'シード:'])
      for (let n = 0; n <= 64; n++) {
        const id = '7301234567890123456789'.repeat(3).slice(0, n);
        expect(md5KeyWithPrefix(prefix)(id)).toBe(nodeKey(prefix + id));
        expect(md5KeyWithPrefix(prefix)(id + 'é')).toBe(nodeKey(prefix + id + 'é'));
      }
  },
);

test('a stratum is its text: an empty market and a written "—" are one stratum, and every item is drawn once', () => {
  const pop = Array.from({ length: 90 }, (_, i) => decision(i, ['JP', '', '—'][i % 3]));
  const r = drawSample(pop, { method: 'stratified_proportional', strata: ['market'], size: 30, seed: 'm' });
  expect(r.allocation.map((a) => [a.stratum, a.population, a.sample])).toEqual([
    ['JP', 30, 10],
    ['—', 60, 20],
  ]);
  expect(new Set(r.items.map((x) => x.itemId)).size).toBe(30);
  // Two fields group by their joined text, the same rule.
  const two = drawSample(pop, {
    method: 'stratified_proportional',
    strata: ['market', 'language'],
    size: 30,
    seed: 'm',
  });
  expect(two.allocation.map((a) => a.population)).toEqual([30, 60]);
});

test(
  'a decision draw keys item:moderator:time and can reach ' +
    'every judgment but repeats; an item draw one row per item',
  () => {
    expect(decisionKeyText('7301', 'sato', Date.UTC(2026, 10, 20, 10, 0, 5, 700))).toBe(
      '7301:sato:2026-11-20T10:00:05Z',
    );
    expect(decisionKeyText('7301', 'sato', null)).toBe('7301:sato:');
    const d = (row: number, itemId: string, moderator: string, repeat = false) => ({
      row,
      itemId,
      moderator,
      verdict: 'approve' as const,
      policy: '',
      decidedAt: null,
      market: '',
      language: '',
      queue: '',
      url: '',
      notes: '',
      duplicate: row > 2 && itemId === '1',
      repeat,
    });
    const lot = [d(2, '1', 'a'), d(3, '1', 'b'), d(4, '1', 'c'), d(5, '2', 'a'), d(6, '1', 'a', true)];
    const all = drawSample(lot, { method: 'simple', size: 10, seed: 's' });
    expect(all.items.map((i) => i.row).sort()).toEqual([2, 3, 4, 5]);
    expect(all.items.find((i) => i.row === 3)?.key).toBe(sampleKey('s', '1:b:'));
    const items = drawSample(lot, { method: 'simple', size: 10, seed: 's', unit: 'item' });
    expect(items.items.map((i) => i.row).sort()).toEqual([2, 5]);
    expect(items.items.find((i) => i.row === 2)?.key).toBe(sampleKey('s', '1'));
  },
);
