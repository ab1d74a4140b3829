import { createWorkbook } from '../emulator';
import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { mapFlow, saveMapping } from './mapFlow';
import { validateFlow } from './validateFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

test(
  'map finds the header below title rows, previews rows, and a ' +
    'confirmed mapping is kept in the workbook and used by the flows',
  async () => {
    const b = createWorkbook();
    // "Reviewer notes" would not map; "Agent" maps to moderator;
    // a second column "Decision (final)" is the real verdict.
    b.addSheet('Export', [
      ['QA export'],
      [],
      ['Video ID', 'Agent', 'Decision', 'Policy', 'Decision (final)'],
      ['1', 'sato', 'maybe', '', 'approve'],
      ['2', 'lee', 'maybe', '', 'approve'],
    ]);
    b.model.activeSheet = b.model.sheet('Export');
    const before = sheetSnapshot(b.model.sheet('Export')!);
    const syncs0 = b.instrumentation.syncs;
    const detected = await mapFlow(b.run);
    expect(b.instrumentation.syncs - syncs0).toBe(2);
    expect(detected).toMatchObject({
      sheet: 'Export',
      headerRow: 2,
      confirmed: false,
      mapping: { item_id: 0, moderator: 1, verdict: 2, policy: 3 },
    });
    expect(detected.preview[0]).toEqual(['Video ID', 'Agent', 'Decision', 'Policy', 'Decision (final)']);
    expect((await validateFlow(b.run, { now: NOW })).counts.unknown_verdict).toBe(2);
    // The analyst corrects the verdict column on the Map page.
    await saveMapping(b.run, 'Export', { ...detected.mapping, verdict: 4 });
    expect(b.valuesOf('QA Settings')).toEqual([
      ['key', 'value'],
      [
        'mapping:Export',
        '{"item_id":0,"moderator":1,"verdict":4,"policy":3,"headers":{"item_id":"Video ' +
          'ID","moderator":"Agent","verdict":"Decision (final)","policy":"Policy"}}',
      ],
    ]);
    await saveMapping(b.run, 'Export', { ...detected.mapping, verdict: 4 });
    expect(b.valuesOf('QA Settings')).toHaveLength(2); // replaced, not appended
    expect(await mapFlow(b.run)).toMatchObject({ confirmed: true, mapping: { verdict: 4 } });
    expect((await validateFlow(b.run, { now: NOW })).counts.unknown_verdict).toBeUndefined();
    expect(sheetSnapshot(b.model.sheet('Export')!)).toBe(before);
  },
);

test(
  "with one of the add-in's sheets active, the flows use the " +
    'sheet with a confirmed mapping, else the first decisions sheet',
  async () => {
    const b = createWorkbook();
    b.addSheet('Notes', [['just notes']]);
    b.addSheet('Week 48', [
      ['Video ID', 'Moderator', 'Verdict'],
      ['1', 'sato', 'approve'],
    ]);
    b.addSheet('QA Findings', [['sheet', 'cell']]);
    b.model.activeSheet = b.model.sheet('QA Findings');
    // No confirmed mapping yet: the first visible sheet that is not the add-in's, named in the message.
    await expect(mapFlow(b.run)).rejects.toMatchObject({ key: 'flow.error.noHeader', params: { sheet: 'Notes' } });
    b.model.sheet('Notes')!.visibility = 'Hidden';
    expect((await mapFlow(b.run)).sheet).toBe('Week 48');
    b.model.sheet('Notes')!.visibility = 'Visible';
    await saveMapping(b.run, 'Week 48', { item_id: 0, moderator: 1, verdict: 2 });
    b.model.activeSheet = b.model.sheet('QA Settings');
    expect((await mapFlow(b.run)).sheet).toBe('Week 48');
    expect((await validateFlow(b.run, { now: NOW })).sheet).toBe('Week 48');
    // Naming one of the add-in's sheets is still refused, with the reason.
    await expect(mapFlow(b.run, { sheet: 'QA Findings' })).rejects.toMatchObject({ key: 'flow.error.reservedSheet' });
  },
);

test(
  'a confirmed mapping that no longer fits the header (a column was inserted) ' + 'is named, not used silently',
  async () => {
    const { FlowError } = await import('./host');
    const b = createWorkbook();
    b.addSheet('Export', [
      ['Video ID', 'Agent', 'Decision', 'Policy', 'Decision (final)'],
      ['1', 'sato', 'maybe', '', 'approve'],
    ]);
    b.model.activeSheet = b.model.sheet('Export');
    await saveMapping(b.run, 'Export', { item_id: 0, moderator: 1, verdict: 4, policy: 3 });
    // Someone inserts a "Queue" column before "Decision (final)".
    const sheet = b.model.sheet('Export')!;
    sheet.rows = sheet.rows.map((r) =>
      r ? [...r.slice(0, 4), r === sheet.rows[0] ? 'Queue' : 'main', ...r.slice(4)] : r,
    );
    const error = await validateFlow(b.run, { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowError);
    expect((error as InstanceType<typeof FlowError>).key).toBe('flow.error.staleMapping');
    expect((error as InstanceType<typeof FlowError>).render('en')).toContain('Export!E1');
    expect((error as InstanceType<typeof FlowError>).render('ja')).toContain('Decision (final)');
    // The Map page shows detection instead, and says which field no longer fits.
    expect(await mapFlow(b.run)).toMatchObject({
      confirmed: false,
      stale: { field: 'verdict', expected: 'Decision (final)', found: 'Queue' },
    });
  },
);
