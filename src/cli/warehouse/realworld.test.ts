/**
 * The warehouse draw against the add-in's on real annotation data nobody here wrote
 * (shared/realworld beside the repository: many judgments per item, Japanese headers and verdict
 * words). Only row numbers are compared and printed: the English file's text is never shown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { drawSample, SAMPLING_METHODS } from '../../core/sampling/drawSample';
import { defaultTaxonomy } from '../../core/taxonomy/defaultTaxonomy';
import { validateDecisions } from '../../core/validation/createDecisionValidator';
import { drawFromLot } from './drawLot';
import { openLot, type WarehouseLot } from './lot';
import { addInLot } from '../testing';

const REALWORLD = path.resolve(__dirname, '../../../../shared/realworld');
const FILES = ['ja_toxic_decisions.csv', 'davidson_decisions.csv'].map((f) => path.join(REALWORLD, f));
const taxonomy = defaultTaxonomy();
const NOW = Date.UTC(2026, 10, 24, 12);

// shared/ sits beside the checkout on every machine of this project (CI included); the test
// says so by failing, not by skipping, when it is missing.
test('the real-world lots are there', () => {
  for (const f of FILES) expect(fs.existsSync(f)).toBe(true);
});

describe.each(FILES.map((f) => [path.basename(f), f]))('%s', (_name, file) => {
  let lotCore: ReturnType<typeof validateDecisions>['lot'];
  let lot: WarehouseLot;
  beforeAll(async () => {
    if (!fs.existsSync(file)) return;
    lotCore = addInLot(file, taxonomy, NOW);
    lot = await openLot(file);
  });
  afterAll(() => lot?.close());

  test.each(SAMPLING_METHODS.map((m) => [m]))(
    "%s: DuckDB draws the add-in's rows for several seeds",
    async (method) => {
      if (!lot) return;
      for (const seed of ['w48', '第48週', '']) {
        const options = {
          method,
          size: 60,
          seed,
          strata: method.startsWith('stratified') ? (['verdict'] as const).slice() : undefined,
          quota: 1,
          minimumPerStratum: 2,
        };
        const want = drawSample(lotCore, {
          ...options,
          unit: 'item',
          policySeverity: Object.fromEntries(taxonomy.policies.map((p) => [p.code, p.severity])),
        });
        const got = await drawFromLot(lot, { ...options, size: { kind: 'fixed', n: 60 }, unit: 'item', taxonomy });
        expect(got.rows.map((r) => r.row).sort((a, b) => a - b)).toEqual(
          want.items.map((i) => i.row).sort((a, b) => a - b),
        );
        expect(got.lotSize).toBe(want.population);
      }
    },
  );
});
