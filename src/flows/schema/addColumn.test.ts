import { generateDecisions } from '../../core/demo/generateDecisions';
import { createWorkbook, pivots } from '../../emulator';
import { inspectionState, saveQaDecision } from '../inspectFlow';
import { reportFlow } from '../reportFlow';
import { sampleFlow } from '../sampleFlow';
import { validateFlow } from '../validateFlow';
import { inspectionSheet, type InspectionColumn, type InspectionColumnSpec } from './inspectionSheet';
import { reasonPolicyAt, recutPivots } from './reportLayout';

const NOW = Date.UTC(2026, 10, 24, 12);
const REGIONS: Record<string, string> = { JP: 'apac', US: 'amer', BR: 'amer', GB: 'emea', DE: 'emea', FR: 'emea' };

// A column a team might add: the market's region, drawn from the decision, listed, re-cut in the report.
const region: InspectionColumnSpec = {
  name: 'region' as InspectionColumn,
  ja: '地域',
  list: ['apac', 'emea', 'amer'],
  recut: 6,
  draw: (d) => REGIONS[String(d.field('market'))] ?? '',
};

afterEach(() => {
  const i = inspectionSheet.columns.indexOf(region);
  if (i >= 0) inspectionSheet.columns.splice(i, 1);
});

test.each(['en', 'ja'] as const)(
  'a column added to the inspection schema is drawn, read back, validated and reported with no other change (%s)',
  async (lang) => {
    inspectionSheet.columns.push(region);
    const b = createWorkbook();
    b.addSheet('Decisions', generateDecisions({ rows: 400, headers: lang, seed: 5 }));
    b.model.activeSheet = b.model.sheet('Decisions');
    await sampleFlow(b.run, {
      batch: 'w1',
      method: 'simple',
      size: { kind: 'fixed', n: 30 },
      seed: 'w1',
      now: NOW,
      lang,
    });

    // Written: its label in the sheet's language at the end of the header, each row's region from its market.
    const values = b.valuesOf('QA w1');
    const header = values[0];
    const at = header.indexOf(lang === 'ja' ? '地域' : 'region');
    expect(at).toBe(header.length - 1);
    const market = header.indexOf(lang === 'ja' ? 'マーケット' : 'market');
    for (const row of values.slice(1)) expect(row[at]).toBe(REGIONS[String(row[market])] ?? '');
    expect(b.model.tables.find((t) => t.name === 'QA_w1')).toBeDefined();

    // Read back by name, and still there after an inspector's save (which writes other columns).
    let state = await inspectionState(b.run, 'w1');
    expect(state.rows.map((r) => r.cells['region' as InspectionColumn])).toEqual(values.slice(1).map((r) => r[at]));
    for (let i = 0; i < 8; i++) {
      const item = state.next!;
      await saveQaDecision(b.run, 'w1', item.index, {
        qaVerdict: i % 3 === 0 ? 'approve' : (item.verdict ?? 'approve'),
        qaPolicy: i % 3 === 0 || item.verdict === 'approve' ? '' : item.policy,
        inspector: 'qa',
        now: NOW,
      });
      state = await inspectionState(b.run, 'w1', item.index + 1);
    }
    expect(state.inspected).toBe(8);

    // Validated: a value pasted past its dropdown is a finding naming the cell.
    await b.editCell('QA w1', 3, at, 'mars');
    const validation = await validateFlow(b.run, { sheet: 'Decisions', now: NOW, lang });
    const found = validation.findings.filter((f) => f.code === 'qa_value_not_listed');
    expect(found.map((f) => [f.sheet, f.row, f.column])).toEqual([['QA w1', 4, at]]);
    expect(found[0].message).toContain('mars');

    // Reported: a re-cut pivot by the new column, after the five
    // the schema had; the reason × policy table moves past it.
    await reportFlow(b.run, { batch: 'w1', lang });
    const pivot = pivots(b.model).find((p) => p.name === 'QA_w1_byRegion');
    expect(pivot?.rows).toEqual([header[at]]);
    expect(pivot?.at).toEqual({ row: 23, column: 36 + 5 * 10 });
    expect(recutPivots().map((p) => p.field)).toEqual(['queue', 'language', 'inspector', 'week', 'reason', 'region']);
    const report = b.valuesOf('QA Report w1');
    expect(report[0][reasonPolicyAt().column]).toBe(
      lang === 'ja' ? '理由・ポリシー別の誤り' : 'Errors by reason and policy',
    );
    expect(reasonPolicyAt().column).toBe(96);
  },
);

test('without the added column the schema is as shipped: five re-cut pivots, reason × policy at CI1', () => {
  expect(recutPivots().map((p) => p.id)).toEqual(['byQueue', 'byLanguage', 'byInspector', 'byWeek', 'byReason']);
  expect(reasonPolicyAt()).toEqual({ row: 0, column: 86 });
  expect(inspectionSheet.names()).not.toContain('region');
});
