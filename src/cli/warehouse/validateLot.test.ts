import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Papa from 'papaparse';
import { generateDecisions } from '../../core/demo/generateDecisions';
import { detectMapping } from '../../core/mapping/detectMapping';
import type { CellValue } from '../../excelSpec';
import { defaultTaxonomy } from '../../core/taxonomy/defaultTaxonomy';
import { validateDecisions } from '../../core/validation/createDecisionValidator';
import { importCsv } from '../../emulator/csv';
import { openLot } from './lot';
import { validateLot } from './validateLot';

const NOW = Date.UTC(2026, 10, 24, 12);
const taxonomy = defaultTaxonomy();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-validate-'));

/** A lot with every kind of problem the demo makes, items judged twice, error values and blank rows. */
function messyRows(): CellValue[][] {
  const rows = generateDecisions({ rows: 4000, seed: 21, headers: 'ja', badRate: 0.08, now: NOW });
  const again = rows.slice(1, 300).map((r, i) => {
    const copy = r.slice();
    if (i % 3 === 0) copy[2] = '承認';
    return copy;
  });
  const errors = rows.slice(300, 340).map((r, i) => {
    const copy = r.slice();
    copy[[0, 1, 2, 3, 4, 5, 6][i % 7]] = ['#N/A', '#REF!', '#VALUE!'][i % 3];
    return copy;
  });
  const blank = rows[0].map(() => '');
  return [...rows, blank, ...again, ...errors, blank];
}

test('counts per rule and the first findings equal the add-in validator on the same CSV', async () => {
  const file = path.join(dir, 'messy.csv');
  fs.writeFileSync(file, Papa.unparse(messyRows() as unknown[][]));
  const sheet = importCsv(fs.readFileSync(file)).sheets[0].rows as CellValue[][];
  const { headerRow, mapping } = detectMapping(sheet);
  const expected = validateDecisions(sheet.slice(headerRow + 1), headerRow + 2, { mapping, taxonomy, now: NOW });
  const lot = await openLot(file);
  try {
    const got = await validateLot(lot, { taxonomy, now: NOW, lang: 'ja', perRule: 5 });
    expect(got.rowsChecked).toBe(expected.rowsChecked);
    expect(got.counts).toEqual(expected.counts);
    expect(Object.keys(got.counts).length).toBeGreaterThan(6);
    // The first five of each rule, the same cells, codes and parameters.
    for (const code of Object.keys(expected.counts)) {
      const want = expected.findings
        .filter((f) => f.code === code)
        .slice(0, 5)
        .map((f) => ({ row: f.row, column: f.column, params: f.params, suggestion: f.suggestion }));
      const have = got.findings
        .filter((f) => f.code === code)
        .map((f) => ({ row: f.row, column: f.column, params: f.params, suggestion: f.suggestion }));
      expect({ code, have }).toEqual({ code, have: want });
    }
    expect(got.findings[0].message).toMatch(/^[A-Z]+\d+/);
  } finally {
    lot.close();
  }
});
