import { detectMapping } from '../mapping/detectMapping';
import { defaultTaxonomy } from '../taxonomy/defaultTaxonomy';
import { validateDecisions } from '../validation/createDecisionValidator';
import { generateDecisions } from './generateDecisions';

test('the demo sheet maps in both languages, is deterministic, and about 2% of rows have findings', () => {
  for (const headers of ['en', 'ja'] as const) {
    const rows = generateDecisions({ rows: 5000, headers, seed: 7 });
    expect(generateDecisions({ rows: 5000, headers, seed: 7 })).toEqual(rows);
    const m = detectMapping(rows);
    expect(m.headerRow).toBe(0);
    expect(m.missingRequired).toEqual([]);
    const s = validateDecisions(rows.slice(1), 2, {
      mapping: m.mapping,
      taxonomy: defaultTaxonomy(),
      now: Date.UTC(2026, 10, 24, 12),
    });
    const badRows = new Set(s.findings.filter((f) => f.severity !== 'info').map((f) => f.row)).size;
    expect(badRows / 5000).toBeGreaterThan(0.01);
    expect(badRows / 5000).toBeLessThan(0.04);
  }
});

test('every seed and size works, down to a single row', () => {
  for (let seed = 0; seed < 200; seed++) expect(generateDecisions({ rows: 1, seed, badRate: 1 })).toHaveLength(2);
  expect(generateDecisions({ rows: 0 })).toHaveLength(1);
});
