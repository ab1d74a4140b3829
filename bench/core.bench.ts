/**
 * Core bench: a realistic 1,048,576-row × 12-column decisions table in memory (English and
 * Japanese values, about 2% bad rows), timed per step (median of 5), with peak heap and the ratio
 * of the whole pipeline to a floor (one pass over every cell computing a checksum).
 */
import { DecisionLot } from '../src/core/decisions/decisionLot';
import { generateDecisions } from '../src/core/demo/generateDecisions';
import { samplingPlan } from '../src/core/iso2859/samplingPlan';
import { detectMapping } from '../src/core/mapping/detectMapping';
import { drawSample, type SamplingMethod } from '../src/core/sampling/drawSample';
import { classifyOutcome } from '../src/core/stats/classifyOutcome';
import { breakdown, summarizeInspection, type InspectedItem } from '../src/core/stats/summarizeInspection';
import { defaultTaxonomy } from '../src/core/taxonomy/defaultTaxonomy';
import { createDecisionValidator } from '../src/core/validation/createDecisionValidator';
import type { CellValue } from '../src/excelSpec';
import { timeRuns, type BenchContext } from './harness';

const RUNS = 5;
// One untimed run first for every step, the floor included: the medians are of a warmed-up
// engine. What the first, cold run costs is printed too (an analyst's click is such a run).
const WARMUP = 1;

/**
 * The floor: one pass over every cell computing a real checksum of its content (FNV-1a over every
 * character of a string, the bits of a number), i.e. the least work that reads the whole sheet.
 */
function checksum(rows: CellValue[][]): number {
  let h = 0x811c9dc5;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string') {
        for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
      } else if (typeof v === 'number') {
        h = Math.imul(h ^ (v | 0), 0x01000193);
        h = Math.imul(h ^ ((v * 1e6) | 0), 0x01000193);
      } else h = Math.imul(h ^ (v ? 1 : 0), 0x01000193);
    }
  }
  return h;
}

// With --expose-gc (npm run bench passes it) garbage from one timed run is collected before the
// next, so peak heap is what the work keeps alive, not what the collector has not reached yet.
const collect = () => (globalThis as { gc?: () => void }).gc?.();

export async function run(ctx: BenchContext): Promise<void> {
  const rowsWanted = ctx.quick ? 100_000 : 1_048_575; // plus the header: a full sheet
  const generateStart = Date.now();
  const sheet = generateDecisions({ rows: rowsWanted, headers: 'ja', seed: 2026 });
  const label = `${(rowsWanted + 1).toLocaleString('en-US')} rows`;
  ctx.record({
    suite: 'core',
    name: `generate demo sheet (${label} × 12)`,
    value: Date.now() - generateStart,
    unit: 'ms',
  });
  const taxonomy = defaultTaxonomy();
  const now = Date.UTC(2026, 10, 24, 12);
  const body = sheet.slice(1);
  const severity = Object.fromEntries(taxonomy.policies.map((p) => [p.code, p.severity]));
  collect();
  const sheetHeap = process.memoryUsage().heapUsed;
  ctx.record({ suite: 'core', name: 'heap holding the generated sheet', value: sheetHeap / 2 ** 20, unit: 'MB' });
  let peakHeap = sheetHeap;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };

  collect();
  const floor = (await timeRuns(RUNS, () => checksum(sheet), undefined, WARMUP)).median;
  ctx.record({ suite: 'core', name: `floor: checksum over every cell (${label})`, value: floor, unit: 'ms' });

  const mapping = detectMapping(sheet).mapping;
  let lot = new DecisionLot(0);
  const { median: normalize, first: normalizeCold } = await timeRuns(
    RUNS,
    () => {
      const v = createDecisionValidator({ mapping, taxonomy, now, collectDecisions: true, expectedRows: body.length });
      for (let i = 0; i < body.length; i += 20000) v.addChunk(body.slice(i, i + 20000), i + 2);
      lot = v.finish().lot;
      sample();
    },
    () => {
      lot = new DecisionLot(0);
      collect();
    },
    WARMUP,
  );
  ctx.record({
    suite: 'core',
    name: 'mapping + normalization + validation (chunks of 20,000)',
    value: normalize,
    unit: 'ms',
  });
  let findings = 0;
  const { median: validate } = await timeRuns(
    RUNS,
    () => {
      const v = createDecisionValidator({ mapping, taxonomy, now, expectedRows: body.length });
      for (let i = 0; i < body.length; i += 20000) v.addChunk(body.slice(i, i + 20000), i + 2);
      findings = v.finish().findings.length;
      sample();
    },
    collect,
    WARMUP,
  );
  ctx.record({
    suite: 'core',
    name: `validation only (${findings.toLocaleString('en-US')} findings)`,
    value: validate,
    unit: 'ms',
    target: ctx.quick ? undefined : { max: 1500 },
  });

  const plan = samplingPlan({ lotSize: lot.length, level: 'II', aql: 1.5 });
  const samplingMs: Partial<Record<SamplingMethod, number>> = {};
  let simpleCold = 0;
  let lastItems: number[] = [];
  for (const method of [
    'simple',
    'stratified_proportional',
    'stratified_neyman',
    'moderator_quota',
    'risk_weighted',
  ] as SamplingMethod[]) {
    const { median: ms, first } = await timeRuns(
      RUNS,
      () => {
        const r = drawSample(lot, {
          method,
          size: plan.sampleSize,
          seed: 'bench',
          quota: 10,
          strata: ['market'],
          policySeverity: severity,
        });
        lastItems = r.items.map((x) => x.row);
        sample();
      },
      collect,
      WARMUP,
    );
    samplingMs[method] = ms;
    if (method === 'simple') simpleCold = first;
    ctx.record({ suite: 'core', name: `sample: ${method} (n = ${plan.sampleSize})`, value: ms, unit: 'ms' });
  }
  const indexOfRow = new Map<number, number>();
  for (let i = 0; i < lot.length; i++) indexOfRow.set(lot.rows[i], i);
  const inspected: InspectedItem[] = lastItems.map((row, i) => {
    const d = lot.decision(indexOfRow.get(row)!);
    const qa = i % 17 === 0 ? { verdict: 'approve' as const, policy: '' } : { verdict: d.verdict, policy: d.policy };
    return {
      verdict: d.verdict,
      policy: d.policy,
      qaVerdict: qa.verdict,
      qaPolicy: qa.policy,
      outcome: classifyOutcome(d, qa),
      moderator: d.moderator,
      market: d.market,
    };
  });
  const { median: report } = await timeRuns(
    RUNS,
    () => {
      summarizeInspection(inspected, { plan });
      breakdown(inspected, 'moderator');
      breakdown(inspected, 'market');
    },
    undefined,
    WARMUP,
  );
  ctx.record({ suite: 'core', name: `report statistics (${inspected.length} inspected)`, value: report, unit: 'ms' });
  // The pipeline an analyst runs: map, normalize and validate, draw one sample (the default
  // simple method; the slowest method is shown too), and compute the report's statistics.
  const slowest = Math.max(...Object.values(samplingMs));
  const pipeline = normalize + (samplingMs.simple ?? 0) + report;
  ctx.record({
    suite: 'core',
    name: 'whole pipeline ÷ floor',
    value: pipeline / floor,
    unit: 'ratio',
    target: { max: 6 },
    note:
      `${pipeline.toFixed(0)} ms ÷ ${floor.toFixed(0)} ms; ` +
      `with the slowest method ${((normalize + slowest + report) / floor).toFixed(2)}×`,
  });
  ctx.record({
    suite: 'core',
    name: 'whole pipeline, first (cold) run',
    value: normalizeCold + simpleCold + report,
    unit: 'ms',
    note:
      `${((normalizeCold + simpleCold + report) / floor).toFixed(2)}× ` +
      `the floor; no target (the medians above are of warmed-up runs)`,
  });
  ctx.record({
    suite: 'core',
    name: 'peak heap during the core bench',
    value: peakHeap / 2 ** 20,
    unit: 'MB',
    target: { max: 1536 },
  });
}
