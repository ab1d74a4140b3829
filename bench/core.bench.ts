/**
 * Core bench: a realistic 1,048,576-row × 12-column decisions table in memory (English and
 * Japanese values, about 2% bad rows), timed per step (median of 5), with peak heap and the ratio
 * of the whole pipeline to a floor (one pass over every cell computing a checksum).
 */
import { detectMapping, defaultTaxonomy, createDecisionValidator, drawSample, samplingPlan, summarizeInspection, classifyOutcome, generateDecisions, breakdown, type CellValue, type Decision, type InspectedItem, type SamplingMethod } from '../src/core';
import { medianMs, type BenchContext } from './harness';

const RUNS = 5;

function checksum(rows: CellValue[][]): number {
  let h = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      h = (h * 31 + (typeof v === 'number' ? v | 0 : typeof v === 'string' ? v.length + v.charCodeAt(0) : v ? 1 : 0)) | 0;
    }
  }
  return h;
}

export async function run(ctx: BenchContext): Promise<void> {
  const rowsWanted = ctx.quick ? 100_000 : 1_048_575; // plus the header: a full sheet
  const generateStart = Date.now();
  const sheet = generateDecisions({ rows: rowsWanted, headers: 'ja', seed: 2026 });
  const label = `${(rowsWanted + 1).toLocaleString('en-US')} rows`;
  ctx.record({ suite: 'core', name: `generate demo sheet (${label} × 12)`, value: Date.now() - generateStart, unit: 'ms' });
  const taxonomy = defaultTaxonomy();
  const now = Date.UTC(2026, 10, 24, 12);
  const body = sheet.slice(1);
  const severity = Object.fromEntries(taxonomy.policies.map((p) => [p.code, p.severity]));
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); };

  const floor = await medianMs(RUNS, () => checksum(sheet));
  ctx.record({ suite: 'core', name: `floor: checksum over every cell (${label})`, value: floor, unit: 'ms' });

  const mapping = detectMapping(sheet).mapping;
  let decisions: Decision[] = [];
  const normalize = await medianMs(RUNS, () => {
    const v = createDecisionValidator({ mapping, taxonomy, now, collectDecisions: true });
    for (let i = 0; i < body.length; i += 20000) v.addChunk(body.slice(i, i + 20000), i + 2);
    decisions = v.finish().decisions;
    sample();
  });
  ctx.record({ suite: 'core', name: 'mapping + normalization + validation (chunks of 20,000)', value: normalize, unit: 'ms' });
  let findings = 0;
  const validate = await medianMs(RUNS, () => {
    const v = createDecisionValidator({ mapping, taxonomy, now });
    for (let i = 0; i < body.length; i += 20000) v.addChunk(body.slice(i, i + 20000), i + 2);
    findings = v.finish().findings.length;
    sample();
  });
  ctx.record({ suite: 'core', name: `validation only (${findings.toLocaleString('en-US')} findings)`, value: validate, unit: 'ms', target: ctx.quick ? undefined : { max: 1500 } });

  const plan = samplingPlan({ lotSize: decisions.length, level: 'II', aql: 1.5 });
  let samplingTotal = 0;
  let lastItems: string[] = [];
  for (const method of ['simple', 'stratified_proportional', 'stratified_neyman', 'moderator_quota', 'risk_weighted'] as SamplingMethod[]) {
    const ms = await medianMs(RUNS, () => {
      const r = drawSample(decisions, { method, size: plan.sampleSize, seed: 'bench', quota: 10, strata: ['market'], policySeverity: severity });
      lastItems = r.items.map((x) => x.itemId);
      sample();
    });
    samplingTotal += ms;
    ctx.record({ suite: 'core', name: `sample: ${method} (n = ${plan.sampleSize})`, value: ms, unit: 'ms' });
  }
  const byId = new Map(decisions.map((d) => [d.itemId, d]));
  const inspected: InspectedItem[] = lastItems.map((id, i) => {
    const d = byId.get(id)!;
    const qa = i % 17 === 0 ? { verdict: 'approve' as const, policy: '' } : { verdict: d.verdict, policy: d.policy };
    return { verdict: d.verdict, policy: d.policy, qaVerdict: qa.verdict, qaPolicy: qa.policy, outcome: classifyOutcome(d, qa), moderator: d.moderator, market: d.market };
  });
  const report = await medianMs(RUNS, () => {
    summarizeInspection(inspected, { plan });
    breakdown(inspected, 'moderator');
    breakdown(inspected, 'market');
  });
  ctx.record({ suite: 'core', name: `report statistics (${inspected.length} inspected)`, value: report, unit: 'ms' });
  const pipeline = normalize + samplingTotal + report;
  ctx.record({ suite: 'core', name: 'whole pipeline ÷ floor', value: pipeline / floor, unit: 'ratio', target: { max: 6 }, note: `${pipeline.toFixed(0)} ms ÷ ${floor.toFixed(0)} ms` });
  ctx.record({ suite: 'core', name: 'peak heap during the core bench', value: peakHeap / 2 ** 20, unit: 'MB', target: { max: 1536 } });
}
