/**
 * Fidelity bench: what the flows send and receive as Microsoft's own Office.js client serializes
 * it (the embedded workbook answers the real client's requests; sizes are the UTF-8 bytes of each
 * sync's JSON). Excel on the web refuses a request or response over 5 MB, so every figure here is
 * held to 5,000,000 bytes. The book's limits are lifted while measuring, so a flow that would be
 * refused still runs to the end and its real size is reported (a figure over the target says the
 * flow would fail on the web).
 *
 * Figures (full run / --quick):
 * - sample20k.largestRequestBytes: a 20,000-item draw from a 100,000-row lot (4,000 from 20,000);
 * - accumulated30.largestResponseBytes: after 30 weekly batches of 1,000 items (5 of 200), a draw
 *   and a validate;
 * - recompute20k.largestRequestBytes: 20,000 stale outcomes recomputed (4,000);
 * - validate1m.syncs: syncs of validate on 1,048,576 rows (100,000), target ceil(rows/chunk) + 10;
 * - draw2000.syncs: syncs to build a 2,000-item inspection sheet, target 10;
 * - host.msPerSync: the host's own time per sync (parse, answer, serialize), over the runs above.
 */
import { generateDecisions } from '../src/core/demo/generateDecisions';
import { createWorkbook, type EmulatedWorkbook } from '../src/emulator';
import { recomputeOutcomes } from '../src/flows/inspectFlow';
import { locateDecisions } from '../src/flows/readDecisions';
import { sampleFlow } from '../src/flows/sampleFlow';
import { INSPECTION_COLUMNS } from '../src/flows/schema/inspectionSheet';
import { locateInspectionColumns } from '../src/flows/schema/inspectionSheet';
import { validateFlow } from '../src/flows/validateFlow';
import type { BenchContext } from './harness';

const NOW = Date.UTC(2026, 10, 24, 12);
const LIMIT = 5_000_000;

/** A lot on the embedded workbook, its limits lifted so oversize syncs are measured, not refused. */
function lot(rows: number, seed: number): EmulatedWorkbook {
  const book = createWorkbook();
  book.addSheet('Decisions', generateDecisions({ rows, headers: 'ja', seed }));
  book.model.activeSheet = book.model.sheet('Decisions');
  book.instrumentation.maxRequestBytes = Infinity;
  book.instrumentation.maxResponseBytes = Infinity;
  return book;
}

/** Runs `fn` and returns the syncs it made and its largest request and response (bytes). */
async function measure(book: EmulatedWorkbook, fn: () => Promise<unknown>) {
  const ins = book.instrumentation;
  const [s0, q0, r0] = [ins.syncs, ins.requestBytes.length, ins.responseBytes.length];
  await fn();
  return {
    syncs: ins.syncs - s0,
    largestRequest: Math.max(0, ...ins.requestBytes.slice(q0)),
    largestResponse: Math.max(0, ...ins.responseBytes.slice(r0)),
  };
}

const draw = (book: EmulatedWorkbook, batch: string, n: number) =>
  sampleFlow(book.run, { batch, method: 'simple', size: { kind: 'fixed', n }, seed: batch, now: NOW, lang: 'ja' });

export async function run(ctx: BenchContext): Promise<void> {
  const q = ctx.quick;
  const host = { ms: 0, syncs: 0 };
  const tally = (book: EmulatedWorkbook) => {
    host.ms += book.instrumentation.hostMs;
    host.syncs += book.instrumentation.syncs;
  };

  // A large draw: one request copies the drawn rows into the inspection sheet.
  const [lotRows, drawn] = q ? [20_000, 4_000] : [100_000, 20_000];
  const big = lot(lotRows, 3);
  const s = await measure(big, () => draw(big, 'big', drawn));
  ctx.record({
    suite: 'fidelity',
    name: 'sample20k.largestRequestBytes',
    value: s.largestRequest,
    unit: 'bytes',
    target: { max: LIMIT },
    note: `${drawn.toLocaleString('en-US')} items from ${lotRows.toLocaleString('en-US')} rows, ${s.syncs} syncs`,
  });

  // Every drawn item inspected: all outcomes are stale and recomputed at once.
  const sheet = big.model.sheet('QA big')!;
  // The header in the workbook's language (a Japanese lot gets Japanese headers): found by the sheet's schema.
  const values = big.valuesOf('QA big');
  const verdict = locateInspectionColumns(values[0] ?? []).at('qa_verdict');
  if (verdict < 0) throw new Error(`no qa_verdict column in ${INSPECTION_COLUMNS.join(',')}`);
  for (let r = 1; r < values.length; r++) sheet.setCell(r, verdict, 'approve');
  const rc = await measure(big, () => recomputeOutcomes(big.run, 'big'));
  ctx.record({
    suite: 'fidelity',
    name: 'recompute20k.largestRequestBytes',
    value: rc.largestRequest,
    unit: 'bytes',
    target: { max: LIMIT },
    note: `${drawn.toLocaleString('en-US')} stale outcomes, ${rc.syncs} syncs`,
  });
  tally(big);

  // Weekly batches accumulate; each later draw and validate reads what the earlier ones left.
  const [batches, perBatch, weeklyLot] = q ? [5, 200, 20_000] : [30, 1_000, 100_000];
  const weekly = lot(weeklyLot, 5);
  for (let i = 1; i <= batches; i++) await draw(weekly, `w${i}`, perBatch);
  const d = await measure(weekly, () => draw(weekly, `w${batches + 1}`, perBatch));
  const v = await measure(weekly, () => validateFlow(weekly.run, { sheet: 'Decisions', now: NOW, lang: 'ja' }));
  ctx.record({
    suite: 'fidelity',
    name: 'accumulated30.largestResponseBytes',
    value: Math.max(d.largestResponse, v.largestResponse),
    unit: 'bytes',
    target: { max: LIMIT },
    note:
      `after ${batches} batches of ${perBatch.toLocaleString('en-US')}: ` +
      `draw ${d.largestResponse}, validate ${v.largestResponse}`,
  });
  tally(weekly);

  // A full sheet: validate in chunks, then a 2,000-item draw (reading the sheet, then building).
  const rows = q ? 99_999 : 1_048_575;
  const full = lot(rows, 77);
  const at = await locateDecisions(full.run);
  const fv = await measure(full, () => validateFlow(full.run, { now: NOW, lang: 'ja' }));
  const label = (rows + 1).toLocaleString('en-US');
  ctx.record({
    suite: 'fidelity',
    name: 'validate1m.syncs',
    value: fv.syncs,
    unit: 'syncs',
    target: { max: Math.ceil(rows / at.chunkRows) + 10 },
    note:
      `${label} rows, chunk ${at.chunkRows}; ` +
      `largest request ${fv.largestRequest}, response ${fv.largestResponse} bytes`,
  });
  const fd = await measure(full, () => draw(full, 'd2000', 2_000));
  const readSyncs = Math.ceil(rows / at.chunkRows);
  ctx.record({
    suite: 'fidelity',
    name: 'draw2000.syncs',
    value: fd.syncs - readSyncs,
    unit: 'syncs',
    target: { max: 10 },
    note: `${fd.syncs} in all, ${readSyncs} reading ${label} rows; largest request ${fd.largestRequest} bytes`,
  });
  tally(full);

  ctx.record({
    suite: 'fidelity',
    name: 'host.msPerSync',
    value: host.ms / host.syncs,
    unit: 'ms',
    note: `the host's own time (answer and serialize) over ${host.syncs} syncs`,
  });
}
