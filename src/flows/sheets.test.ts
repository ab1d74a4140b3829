import { generateDecisions } from '../core/demo/generateDecisions';
import { defaultTaxonomy } from '../core/taxonomy/defaultTaxonomy';
import { taxonomyToRows } from '../core/taxonomy/taxonomyRows';
import { createWorkbook } from '../emulator';
import { listBatches } from './batches';
import { reportFlow } from './reportFlow';
import { sampleFlow } from './sampleFlow';
import { batchNameProblem, inspectionTableName, isValidBatchId } from './sheets';
import { loadTaxonomy } from './taxonomyFlow';

const NOW = Date.UTC(2026, 10, 24, 12);
/** Excel's rule for table names (excel-api.md "Names"; R excel.tablecollection.yml `add`). */
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

test(
  'batch names that differ only in "-", "_" or a space ' + 'get different table names; any name maps to a valid one',
  () => {
    const names = ['w-48', 'w_48', 'w 48', 'w48', '第48週', 'ｗ４８', 'w.48', 'w_002D48', 'Q4 😀', 'a'.repeat(21)];
    const tables = names.map(inspectionTableName);
    expect(new Set(tables.map((t) => t.toLowerCase())).size).toBe(names.length);
    for (const t of tables) expect(t).toMatch(TABLE_NAME);
    expect(inspectionTableName('w48')).toBe('QA_w48'); // plain names keep the table name they always had
    expect(inspectionTableName('第48週')).toBe('QA__7B2C48_9031');
  },
);

test('batch names: any letters are accepted; a refused name says why', () => {
  expect(isValidBatchId('第48週')).toBe(true);
  expect(isValidBatchId('w-48 review')).toBe(true);
  expect(batchNameProblem('x'.repeat(22))?.key).toBe('batch.error.tooLong');
  expect(batchNameProblem('w/48')?.key).toBe('batch.error.characters');
  expect(batchNameProblem("w48'")?.key).toBe('batch.error.apostrophe');
  expect(batchNameProblem(' w48')?.key).toBe('batch.error.empty');
  expect(batchNameProblem('Report 1')?.key).toBe('batch.error.reserved');
  expect(batchNameProblem('Batches')?.key).toBe('batch.error.reserved');
});

test(
  'three batches w-48, w_48 and w 48 and a Japanese 「第48週」 live side by side, ' + 'each with its table and report',
  async () => {
    const b = createWorkbook();
    b.addSheet('Decisions', generateDecisions({ rows: 300, headers: 'ja', seed: 4 }));
    b.model.activeSheet = b.model.sheet('Decisions');
    for (const batch of ['w-48', 'w_48', 'w 48', '第48週'])
      await sampleFlow(b.run, {
        batch,
        method: 'simple',
        size: { kind: 'fixed', n: 10 },
        seed: batch,
        now: NOW,
        lang: 'ja',
      });
    expect(b.model.tables.map((t) => t.name).sort()).toEqual([
      'QA__7B2C48_9031',
      'QA_w_002048',
      'QA_w_002D48',
      'QA_w_005F48',
    ]);
    expect((await listBatches(b.run)).map((x) => x.batch)).toEqual(['第48週', 'w 48', 'w_48', 'w-48']);
    const report = await reportFlow(b.run, { batch: '第48週', lang: 'ja' });
    expect(report.sheet).toBe('QA Report 第48週');
  },
);

// Column letters run A…Z, then AA, AB… (R excel.range.yml `address`; P
// excel/excel-add-ins-data-validation.md: a list's source may be a range).
test(
  'a taxonomy whose code column is past Z gets the right ' + 'letters for the dropdown range (one A1 implementation)',
  async () => {
    const b = createWorkbook();
    const rows = taxonomyToRows(defaultTaxonomy());
    // A lead keeps 27 note columns before the taxonomy: the code column is AB.
    const wide = rows.map((r, i) => [...Array.from({ length: 27 }, (_, c) => (i === 0 ? `note ${c + 1}` : '')), ...r]);
    b.addSheet('QA Taxonomy', wide);
    const { codeRange } = await loadTaxonomy(b.run);
    expect(codeRange).toBe(`AB2:AB${rows.length}`);
    // The inspection sheet's policy dropdown lists those cells: the codes, not the lead's notes.
    b.addSheet('Decisions', generateDecisions({ rows: 50, headers: 'en', seed: 4 }));
    b.model.activeSheet = b.model.sheet('Decisions');
    await sampleFlow(b.run, { batch: 'wide', method: 'simple', size: { kind: 'fixed', n: 5 }, seed: 'wide', now: NOW });
    const sources = b.model.sheet('QA wide')!.validations.map((v) => v.source);
    expect(sources).toContain(`='QA Taxonomy'!$AB$2:$AB$${rows.length}`);
    const codes = b
      .valuesOf('QA Taxonomy')
      .slice(1)
      .map((r) => r[27]);
    expect(codes).toEqual(rows.slice(1).map((r) => r[0]));
  },
);
