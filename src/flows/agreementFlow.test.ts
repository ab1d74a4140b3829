import { agreementReport } from '../core/stats/agreementReport';
import { seededRandom } from '../core/stats/multiRater';
import { createWorkbook } from '../emulator';
import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { calibrationAgreementFlow, decisionsAgreementFlow } from './agreementFlow';
import { listBatches } from './batches';
import { inspectionState, saveQaDecision } from './inspectFlow';
import { sampleFlow } from './sampleFlow';
import { INSPECTION_COLUMNS } from './schema/inspectionSheet';
import { validateFlow } from './validateFlow';

const NOW = Date.UTC(2026, 11, 1, 12);

/**
 * Annotation data of the real-world workbooks' shape (shared/realworld): per item 3 to 9
 * annotators named annotator_1… within the item, each vote one row, most votes agreeing.
 */
function annotationRows(items: number, seed: string): string[][] {
  const random = seededRandom(seed);
  const labels: [string, string][] = [
    ['approve', ''],
    ['remove', 'SAF.HATE'],
    ['remove', 'SAF.HARASS'],
  ];
  const rows: string[][] = [['item_id', 'moderator', 'verdict', 'policy', 'language']];
  for (let i = 0; i < items; i++) {
    const k = 3 + Math.floor(random() * 7);
    const usual = labels[Math.floor(random() * 3)];
    for (let a = 1; a <= k; a++) {
      const [verdict, policy] = random() < 0.75 ? usual : labels[Math.floor(random() * 3)];
      rows.push([String(8_000_000_000 + i), `annotator_${a}`, verdict, policy, 'en']);
    }
  }
  return rows;
}

function book(rows: string[][]) {
  const b = createWorkbook();
  b.addSheet('decisions', rows);
  b.model.activeSheet = b.model.sheet('decisions');
  return b;
}

test(
  'several annotators per item: no duplicate errors, a decision ' +
    'draw reaches every judgment, agreement as the core computes it',
  async () => {
    const rows = annotationRows(150, 'shape');
    const b = book(rows);
    const before = sheetSnapshot(b.model.sheet('decisions')!);
    const validated = await validateFlow(b.run, { now: NOW });
    expect(validated.counts.duplicate_item ?? 0).toBe(0);
    expect(validated.counts.duplicate_conflicting ?? 0).toBe(0);
    expect(validated.counts.conflicting_judgments).toBeGreaterThan(0);
    expect(validated.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const all = await sampleFlow(b.run, {
      batch: 'all',
      method: 'simple',
      size: { kind: 'fixed', n: rows.length },
      seed: 's',
      now: NOW,
    });
    expect(all.lotSize).toBe(rows.length - 1);
    expect(all.sampleSize).toBe(rows.length - 1);
    const sources = new Set(
      b
        .valuesOf('QA all')
        .slice(1)
        .map((r) => r[INSPECTION_COLUMNS.indexOf('source_row')]),
    );
    expect(sources.size).toBe(rows.length - 1);

    const result = await decisionsAgreementFlow(b.run, { seed: 'x', resamples: 200, now: NOW });
    const direct = agreementReport(
      rows.slice(1).map(([item, rater, verdict, policy]) => ({ item, rater, verdict: verdict as 'approve', policy })),
      { seed: 'x', resamples: 200 },
    );
    expect(result.report.alphaVerdict).toEqual(direct.alphaVerdict);
    expect(result.report.alphaVerdictPolicy).toEqual(direct.alphaVerdictPolicy);
    // policy differences count
    expect(result.report.alphaVerdictPolicy.value).not.toBeCloseTo(result.report.alphaVerdict.value, 3);
    expect(result.report.pairwise[0][1]?.items).toBe(150); // annotator_1 and _2 judged every item
    const sheet = b.valuesOf('QA Agreement');
    expect(
      sheet.some(
        (r) =>
          r[0] === "Krippendorff's α (nominal), verdict + policy" &&
          r[1] === Math.round(direct.alphaVerdictPolicy.value * 10000) / 10000,
      ),
    ).toBe(true);
    expect(sheetSnapshot(b.model.sheet('decisions')!)).toBe(before);
    // A sheet with one judgment per item has nothing to compare: a clear message, no sheet.
    const single = book([
      ['item_id', 'moderator', 'verdict', 'policy'],
      ['1', 'a', 'approve', ''],
      ['2', 'a', 'approve', ''],
    ]);
    await expect(decisionsAgreementFlow(single.run, { now: NOW })).rejects.toMatchObject({ key: 'agreement.none' });
  },
);

test(
  "calibration: the same items in each inspector's own sheet, blind by default; " +
    'disagreements adjudicated; settled verdicts kept and used as the reference',
  async () => {
    const b = book(annotationRows(60, 'calib'));
    const drawn = await sampleFlow(b.run, {
      batch: 'cal',
      method: 'simple',
      size: { kind: 'fixed', n: 20 },
      seed: 'cal',
      now: NOW,
      inspectors: ['青木', 'ben'],
    });
    expect(drawn.members).toEqual([
      { batch: 'cal-1', inspector: '青木' },
      { batch: 'cal-2', inspector: 'ben' },
    ]);
    const one = b.valuesOf('QA cal-1');
    const two = b.valuesOf('QA cal-2');
    const inspectorAt = INSPECTION_COLUMNS.indexOf('inspector');
    expect(one.map((r) => r.slice(0, 4))).toEqual(two.map((r) => r.slice(0, 4)));
    expect(one.slice(1).every((r) => r[inspectorAt] === '青木')).toBe(true);
    expect(two.slice(1).every((r) => r[inspectorAt] === 'ben')).toBe(true);
    expect(one[0]).toContain('blind');
    const batches = await listBatches(b.run);
    expect(batches.map((x) => [x.batch, x.calibration, x.assignedInspector, x.blind])).toEqual([
      ['cal-2', 'cal', 'ben', true],
      ['cal-1', 'cal', '青木', true],
    ]);
    await expect(
      sampleFlow(b.run, {
        batch: 'x',
        method: 'simple',
        size: { kind: 'fixed', n: 2 },
        seed: 'x',
        now: NOW,
        inspectors: ['a', 'a'],
      }),
    ).rejects.toMatchObject({ key: 'calibration.sameInspector' });

    // 青木 approves everything; ben removes the first 5 under SAF.HATE and approves the rest.
    for (const [batch, inspector] of [
      ['cal-1', '青木'],
      ['cal-2', 'ben'],
    ] as const) {
      const state = await inspectionState(b.run, batch);
      for (const row of state.rows) {
        const remove = inspector === 'ben' && row.index < 5;
        await saveQaDecision(b.run, batch, row.index, {
          qaVerdict: remove ? 'remove' : 'approve',
          qaPolicy: remove ? 'SAF.HATE' : '',
          inspector,
          now: NOW,
          blind: true,
        });
      }
    }
    expect(
      b
        .valuesOf('QA cal-1')
        .slice(1)
        .every((r) => r[INSPECTION_COLUMNS.indexOf('blind')] === 'yes'),
    ).toBe(true);
    const first = await calibrationAgreementFlow(b.run, 'cal', { resamples: 200 });
    expect(first.report.disagreements).toHaveLength(5);
    expect(first.openDisagreements).toBe(5);
    expect(first.report.pairwise[0][1]?.items).toBe(20);
    const adj = b.valuesOf('QA Adj cal');
    expect(adj[0]).toEqual([
      'item_id',
      'moderator',
      'verdict',
      'policy',
      '青木: qa_verdict',
      '青木: qa_policy',
      'ben: qa_verdict',
      'ben: qa_policy',
      'settled_verdict',
      'settled_policy',
      'settled_by',
      'adjudication_note',
    ]);
    expect(adj).toHaveLength(6);
    // Before adjudication only the 15 unanimous items are a reference: both inspectors right on all 15.
    expect(first.accuracy?.map((a) => [a.rater, a.correct, a.of])).toEqual([
      ['ben', 15, 15],
      ['青木', 15, 15],
    ]);

    // The lead settles 3 for ben and 2 for 青木.
    const settledAt = adj[0].indexOf('settled_verdict');
    adj.slice(1).forEach((row, i) => {
      const forBen = i < 3;
      b.model.sheet('QA Adj cal')!.setCell(i + 1, settledAt, forBen ? 'remove' : 'approve');
      b.model.sheet('QA Adj cal')!.setCell(i + 1, settledAt + 1, forBen ? 'SAF.HATE' : '');
      b.model.sheet('QA Adj cal')!.setCell(i + 1, settledAt + 2, 'lead');
    });
    const second = await calibrationAgreementFlow(b.run, 'cal', { resamples: 200 });
    expect(second.openDisagreements).toBe(0);
    expect(second.accuracy?.map((a) => [a.rater, a.correct, a.of])).toEqual([
      ['ben', 18, 20],
      ['青木', 17, 20],
    ]);
    // What the lead wrote is still there after the refresh.
    const again = b.valuesOf('QA Adj cal');
    expect(again.slice(1).map((r) => r[settledAt + 2])).toEqual(['lead', 'lead', 'lead', 'lead', 'lead']);
    const report = b.valuesOf('QA Agree cal');
    expect(report.some((r) => r[0] === 'ben' && r[1] === 18 && r[2] === 20)).toBe(true);
    expect(report.some((r) => r[0] === 'ben' && r[1] === '青木' && typeof r[2] === 'number')).toBe(true);
  },
);
