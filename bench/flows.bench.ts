/**
 * Flow bench on the embedded Excel with a full decisions sheet: syncs and the largest request and
 * response for validate (target: at most ceil(rows / chunk) + 10 syncs, nothing over 5 MB),
 * building a 2,000-item inspection sheet (≤ 10 syncs), a report (≤ 10 syncs), and the CLI's
 * end-to-end time on that sheet as an .xlsx file.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDecisions } from '../src/core/demo/generateDecisions';
import { createWorkbook, type EmulatedWorkbook } from '../src/emulator';
import { writeXlsxFile } from '../src/emulator/xlsxStream';
import { locateDecisions } from '../src/flows/readDecisions';
import { reportFlow } from '../src/flows/reportFlow';
import { sampleFlow } from '../src/flows/sampleFlow';
import { validateFlow } from '../src/flows/validateFlow';
import type { BenchContext } from './harness';

const NOW = Date.UTC(2026, 10, 24, 12);

async function measure<T>(book: EmulatedWorkbook, fn: () => Promise<T>) {
  const ins = book.instrumentation;
  const [s0, q0, r0] = [ins.syncs, ins.requestBytes.length, ins.responseBytes.length];
  const start = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    result,
    ms,
    syncs: ins.syncs - s0,
    maxRequest: Math.max(0, ...ins.requestBytes.slice(q0)),
    maxResponse: Math.max(0, ...ins.responseBytes.slice(r0)),
  };
}

export async function run(ctx: BenchContext): Promise<void> {
  const rows = ctx.quick ? 100_000 : 1_048_575;
  const label = `${(rows + 1).toLocaleString('en-US')} rows`;
  const book = createWorkbook();
  book.addSheet('Decisions', generateDecisions({ rows, headers: 'en', seed: 77 }));
  book.model.activeSheet = book.model.sheet('Decisions');
  const MB = 5 * 1024 * 1024;

  const at = await locateDecisions(book.run);
  const v = await measure(book, () => validateFlow(book.run, { now: NOW }));
  const syncTarget = Math.ceil(rows / at.chunkRows) + 10;
  ctx.record({
    suite: 'flows',
    name: `validate ${label}: syncs (chunk ${at.chunkRows} rows)`,
    value: v.syncs,
    unit: 'syncs',
    target: { max: syncTarget },
  });
  ctx.record({
    suite: 'flows',
    name: 'validate: largest request',
    value: v.maxRequest / 1024,
    unit: 'KB',
    target: { max: MB / 1024 },
  });
  ctx.record({
    suite: 'flows',
    name: 'validate: largest response',
    value: v.maxResponse / 1024,
    unit: 'KB',
    target: { max: MB / 1024 },
  });
  ctx.record({
    suite: 'flows',
    name: `validate ${label}: time`,
    value: v.ms,
    unit: 'ms',
    note: `${v.result.findings.length} findings`,
  });

  // Sampling reads the sheet (chunk syncs) and then builds the sheet; the build itself is what the target counts.
  const s = await measure(book, () =>
    sampleFlow(book.run, {
      batch: 'bench',
      method: 'simple',
      size: { kind: 'fixed', n: 2000 },
      seed: 'bench',
      now: NOW,
    }),
  );
  const readSyncs = Math.ceil(rows / at.chunkRows);
  ctx.record({
    suite: 'flows',
    name: 'sample 2,000 items: syncs to build the inspection sheet',
    value: s.syncs - readSyncs,
    unit: 'syncs',
    target: { max: 10 },
    note: `${s.syncs} in all, ${readSyncs} of them reading the decisions`,
  });
  ctx.record({
    suite: 'flows',
    name: 'sample 2,000 items: largest request',
    value: s.maxRequest / 1024,
    unit: 'KB',
    target: { max: MB / 1024 },
  });
  ctx.record({ suite: 'flows', name: `sample 2,000 items from ${label}: time`, value: s.ms, unit: 'ms' });

  const r = await measure(book, () => reportFlow(book.run, { batch: 'bench' }));
  ctx.record({
    suite: 'flows',
    name: 'report on 2,000 items: syncs',
    value: r.syncs,
    unit: 'syncs',
    target: { max: 10 },
  });
  ctx.record({ suite: 'flows', name: 'report on 2,000 items: time', value: r.ms, unit: 'ms' });

  // The CLI end to end on the sheet as an .xlsx file (read, validate; streaming reader for big files).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-flows-'));
  const file = path.join(dir, 'decisions.xlsx');
  const only = createWorkbook();
  only.model.sheets.push(book.model.sheet('Decisions')!);
  await writeXlsxFile(only.model, file);
  const start = Date.now();
  execFileSync(process.execPath, [path.join(__dirname, '..', 'bin', 'moderation-qa.js'), 'validate', file, '--json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  });
  ctx.record({
    suite: 'flows',
    name: `CLI validate on a ${label} .xlsx, end to end`,
    value: Date.now() - start,
    unit: 'ms',
    note: `${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB file`,
  });
  fs.rmSync(dir, { recursive: true, force: true });
}
