/**
 * Emulator bench: a 1,048,576-row × 12-column sheet through .xlsx and back (the one writer and
 * reader; time and peak RSS), and the cost of 100 syncs that each read 5,000 × 12 cells.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDecisions } from '../src/core/demo/generateDecisions';
import { createWorkbook } from '../src/emulator';
import { readXlsxFile, writeXlsxFile } from '../src/emulator/xlsxStream';
import { withPeakMemory, type BenchContext } from './harness';

export async function run(ctx: BenchContext): Promise<void> {
  const rows = ctx.quick ? 100_000 : 1_048_575;
  const label = `${(rows + 1).toLocaleString('en-US')} × 12`;
  const book = createWorkbook();
  book.addSheet('Decisions', generateDecisions({ rows, headers: 'ja', seed: 7 }));

  // 100 syncs of a 5,000 × 12 read, as the validate flow reads a big sheet in chunks.
  const chunk = 5000;
  const before = book.instrumentation.syncs;
  const start = process.hrtime.bigint();
  await book.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Decisions');
    for (let i = 0; i < 100; i++) {
      const r = ws.getRangeByIndexes(1 + ((i * chunk) % (rows - chunk)), 0, chunk, 12);
      r.load('values');
      await context.sync();
      if (r.values.length !== chunk) throw new Error('short read');
    }
  });
  const perSync = Number(process.hrtime.bigint() - start) / 1e6 / 100;
  const responses = book.instrumentation.responseBytes.slice(before);
  ctx.record({
    suite: 'emulator',
    name: 'one sync reading 5,000 × 12 cells (mean of 100)',
    value: perSync,
    unit: 'ms',
  });
  ctx.record({
    suite: 'emulator',
    name: 'response size of one 5,000 × 12 read (largest of 100)',
    value: Math.max(...responses) / 1024,
    unit: 'KB',
    target: { max: 5 * 1024 },
  });

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-bench-')), 'decisions.xlsx');
  const write = await withPeakMemory(async () => {
    const t = Date.now();
    await writeXlsxFile(book.model, file);
    return Date.now() - t;
  });
  ctx.record({
    suite: 'emulator',
    name: `write .xlsx, ${label} (one path for every size)`,
    value: write.result,
    unit: 'ms',
    note: `${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB file`,
  });
  const read = await withPeakMemory(async () => {
    const t = Date.now();
    const model = await readXlsxFile(file);
    if (model.sheets[0].rows.length !== rows + 1) throw new Error(`read ${model.sheets[0].rows.length} rows`);
    return Date.now() - t;
  });
  ctx.record({
    suite: 'emulator',
    name: `read .xlsx back, ${label} (one path for every size)`,
    value: read.result,
    unit: 'ms',
  });
  ctx.record({
    suite: 'emulator',
    name: 'peak RSS during the .xlsx round trip',
    value: Math.max(write.peakRssMB, read.peakRssMB),
    unit: 'MB',
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
