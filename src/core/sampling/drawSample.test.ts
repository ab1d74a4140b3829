import fc from 'fast-check';
import { DecisionLot } from '../decisions/decisionLot';
import type { Decision } from '../decisions/decision';
import {
  decisionKeyText,
  drawFromEligible,
  drawSample,
  fillDrawKeys,
  selectEligible,
  type SamplingMethod,
} from './drawSample';
import { sampleKey } from './sampleKey';

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

test('a moderator typed in NFD and in NFC is one stratum of a quota draw', () => {
  const d = (row: number, moderator: string) => ({
    row,
    itemId: String(row),
    moderator,
    verdict: 'remove' as const,
    policy: 'SAF.HATE',
    decidedAt: null,
    market: 'JP',
    language: 'ja',
    queue: '',
    url: '',
    notes: '',
  });
  const lot = DecisionLot.from([d(2, 'José'), d(3, 'Jose\u0301'), d(4, 'José'), d(5, 'lee')]);
  const drawn = drawSample(lot, { method: 'moderator_quota', size: 0, quota: 5, seed: 's' });
  expect(drawn.allocation.map((a) => [a.stratum, a.population])).toEqual([
    ['José', 3],
    ['lee', 1],
  ]);
});

test('keys written in slices (as the sample flow writes them) give the draw of keys computed at once', () => {
  const lot = DecisionLot.from(population(2503));
  for (const unit of ['decision', 'item'] as const) {
    const selection = selectEligible(lot, { markets: ['JP', 'US'] }, undefined, unit);
    const keys = new Float64Array(lot.length);
    for (let from = 0; from < selection.eligible.length; from += 400)
      fillDrawKeys(lot, selection.eligible, { seed: 'w48', unit }, keys, from, from + 400);
    for (const method of METHODS) {
      const options = { method, size: 60, seed: 'w48', unit, minimumPerStratum: 2 };
      const sliced = drawFromEligible(lot, selection, options, keys);
      expect(sliced).toEqual(drawFromEligible(lot, selection, options));
      expect(sliced.items).toHaveLength(60);
    }
  }
});
