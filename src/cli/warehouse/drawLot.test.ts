import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { generateDecisions } from '../../core/demo/generateDecisions';
import type { CellValue } from '../../excelSpec';
import { drawSample, SAMPLING_METHODS, type SamplingMethod } from '../../core/sampling/drawSample';
import { defaultTaxonomy } from '../../core/taxonomy/defaultTaxonomy';
import { importCsv } from '../../emulator/csv';
import { drawFromLot } from './drawLot';
import { openLot, type WarehouseLot } from './lot';
import { addInLot } from '../testing';

const NOW = Date.UTC(2026, 10, 24, 12);
const taxonomy = defaultTaxonomy();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-warehouse-'));

/** A demo lot where some items are judged again by another moderator (so one row per item matters). */
function lotRows(rows: number, seed: number): CellValue[][] {
  const data = generateDecisions({ rows, seed, headers: 'ja', now: NOW });
  const again = data.slice(1, 1 + Math.floor(rows / 10)).map((r, i) => {
    const copy = r.slice();
    copy[1] = `second.${i % 7}`;
    copy[2] = i % 2 ? '承認' : copy[2];
    return copy;
  });
  return [...data, ...again];
}

let file: string;
let lot: WarehouseLot;
let core: ReturnType<typeof addInLot>;

beforeAll(async () => {
  file = path.join(dir, 'lot.csv');
  fs.writeFileSync(file, Papa.unparse(lotRows(3000, 5) as unknown[][]));
  lot = await openLot(file);
  core = addInLot(file, taxonomy, NOW);
});
afterAll(() => lot?.close());

const optionsFor = (method: SamplingMethod, seed: string, n: number) => ({
  method,
  size: n,
  seed,
  strata: method.startsWith('stratified') ? (['market'] as const).slice() : undefined,
  minimumPerStratum: method === 'stratified_proportional' ? 3 : undefined,
  quota: method === 'moderator_quota' ? 2 : undefined,
  expectedErrorRate: method === 'stratified_neyman' ? { JP: 0.1, US: 0.02, default: 0.05 } : undefined,
});

/**
 * For any method, seed and size: the add-in's draw and DuckDB's, by `unit`; both draw the same rows from a lot of the
 * same size, and `alsoCheck` compares what else the test speaks of.
 */
async function drawsLikeTheAddIn(
  unit: 'item' | 'decision',
  run: { numRuns: number; seed: number },
  alsoCheck: (expected: ReturnType<typeof drawSample>, got: Awaited<ReturnType<typeof drawFromLot>>) => void = () => {},
) {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...SAMPLING_METHODS),
      fc.string({ minLength: 0, maxLength: 12 }),
      fc.integer({ min: 1, max: 400 }),
      async (method, seed, n) => {
        const o = optionsFor(method, seed, n);
        const expected = drawSample(core, {
          ...o,
          unit,
          policySeverity: Object.fromEntries(taxonomy.policies.map((p) => [p.code, p.severity])),
        });
        const got = await drawFromLot(lot, { ...o, size: { kind: 'fixed', n }, unit, taxonomy });
        expect(got.rows.map((r) => r.row).sort((a, b) => a - b)).toEqual(
          expected.items.map((i) => i.row).sort((a, b) => a - b),
        );
        expect(got.lotSize).toBe(expected.population);
        alsoCheck(expected, got);
      },
    ),
    run,
  );
}

test('DuckDB draws exactly the rows the add-in draws, for every method and any seed (items)', async () => {
  await drawsLikeTheAddIn('item', { numRuns: 25, seed: 48 }, (expected, got) => {
    expect(got.allocation).toEqual(expected.allocation);
    const weightOf = new Map(expected.items.map((i) => [i.row, i.weight]));
    for (const r of got.rows) expect(r.weight).toBeCloseTo(weightOf.get(r.row)!, 9);
  });
});

test(
  'DuckDB draws exactly the decisions the add-in draws (unit ' +
    'decision: item:moderator:time keys, repeats left out)',
  async () => {
    await drawsLikeTheAddIn('decision', { numRuns: 10, seed: 49 });
  },
);

test('filters and earlier batches leave out the same rows as the add-in', async () => {
  const exclude = new Set(core.itemIds.slice(0, 200));
  const filters = {
    markets: ['JP'],
    verdicts: ['remove' as const, 'approve' as const],
    decidedFrom: NOW - 20 * 86400000,
  };
  const expected = drawSample(core, { method: 'simple', size: 60, seed: 'w48', filters, exclude, unit: 'item' });
  const got = await drawFromLot(lot, {
    method: 'simple',
    size: { kind: 'fixed', n: 60 },
    seed: 'w48',
    unit: 'item',
    taxonomy,
    filters,
    exclude,
  });
  expect(got.rows.map((r) => r.row)).toEqual(expected.items.map((i) => i.row));
  expect(got.excluded).toBe(expected.excluded);
  expect(got.lotSize).toBe(expected.population);
});

test('a sampled row comes back whole, with the cells the file holds', async () => {
  const got = await drawFromLot(lot, {
    method: 'simple',
    size: { kind: 'fixed', n: 5 },
    seed: 'cells',
    unit: 'item',
    taxonomy,
  });
  const rows = importCsv(fs.readFileSync(file)).sheets[0].rows as CellValue[][];
  for (const r of got.rows) expect(r.values.map(String)).toEqual(rows[r.row - 1].map(String));
  expect(got.sql).toContain('md5');
});
