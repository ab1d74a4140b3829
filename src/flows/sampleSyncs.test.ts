/**
 * How many requests a 2,000-item draw takes to build its sheet, counted by the host as Microsoft's
 * client sends them (each `context.sync()` that reaches Excel). Issue 11's target: at most 10
 * besides the chunks that read the decisions, so the figure the fidelity bench reports
 * (draw2000.syncs) cannot silently grow again. Every round trip to Excel on the web costs
 * latency (P excel/performance.md: "minimize the number of sync() calls").
 */
import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook, type EmulatedWorkbook, type Platform } from '../emulator';
import { listBatches } from './batches';
import { locateDecisions } from './readDecisions';
import { sampleFlow, type SampleFlowOptions } from './sampleFlow';
import { validateFlow } from './validateFlow';

const NOW = Date.UTC(2026, 10, 24, 12);
const ROWS = 20_000;

function lot(platform: Platform): EmulatedWorkbook {
  const b = createWorkbook(undefined, { platform });
  b.addSheet('Decisions', generateDecisions({ rows: ROWS, headers: 'ja', seed: 77 }));
  b.model.activeSheet = b.model.sheet('Decisions');
  return b;
}

/** Syncs of one draw beyond the chunks that read the decisions (the figure the bench reports). */
async function buildSyncs(
  b: EmulatedWorkbook,
  options: Partial<SampleFlowOptions> & { batch: string },
): Promise<number> {
  const at = await locateDecisions(b.run);
  const reading = Math.ceil((at.lastRow - at.headerRow) / at.chunkRows);
  const s0 = b.instrumentation.syncs;
  const result = await sampleFlow(b.run, {
    method: 'simple',
    size: { kind: 'fixed', n: 2000 },
    seed: options.batch,
    now: NOW,
    lang: 'ja',
    ...options,
  });
  expect(result.sampleSize).toBe(2000);
  return b.instrumentation.syncs - s0 - reading;
}

test.each<Platform>(['web', 'windows', 'mac'])(
  'a first 2,000-item draw on a new workbook (%s) builds its sheet in at ' +
    'most 10 syncs, QA Taxonomy, QA Reasons and QA Batches created on the way',
  async (platform) => {
    const b = lot(platform);
    expect(await buildSyncs(b, { batch: 'd2000' })).toBeLessThanOrEqual(10);
    for (const sheet of ['QA Taxonomy', 'QA Reasons', 'QA Batches', 'QA d2000'])
      expect(b.model.sheet(sheet)).toBeDefined();
    expect(b.valuesOf('QA d2000')).toHaveLength(2001);
  },
);

test(
  'after a validate and an earlier batch (its items read to leave ' +
    'them out), a 2,000-item draw still builds in at most 10 syncs',
  async () => {
    const b = lot('windows');
    await validateFlow(b.run, { now: NOW, lang: 'ja' });
    await sampleFlow(b.run, {
      batch: 'w47',
      method: 'simple',
      size: { kind: 'fixed', n: 1000 },
      seed: 'w47',
      now: NOW,
      lang: 'ja',
    });
    expect(await buildSyncs(b, { batch: 'w48' })).toBeLessThanOrEqual(10);
  },
);

test(
  'a calibration draw of 2,000 items for three inspectors builds ' +
    'its three sheets in at most 10 syncs, not 10 per inspector',
  async () => {
    const b = lot('web');
    expect(await buildSyncs(b, { batch: 'cal', inspectors: ['sato.h', 'kim.j', 'lee.m'] })).toBeLessThanOrEqual(10);
    expect((await listBatches(b.run)).map((x) => [x.batch, x.assignedInspector])).toEqual([
      ['cal-3', 'lee.m'],
      ['cal-2', 'kim.j'],
      ['cal-1', 'sato.h'],
    ]);
    for (const k of [1, 2, 3]) expect(b.valuesOf(`QA cal-${k}`)).toHaveLength(2001);
    // Three sheets of 2,000 rows in few requests, each still under the web's 5 MB.
    expect(Math.max(...b.instrumentation.requestBytes)).toBeLessThan(5_000_000);
  },
);
