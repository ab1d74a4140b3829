import { createWorkbook } from '../emulator';
import { INSPECTION_COLUMNS } from './schema/inspectionSheet';
import { crossBatchFlow } from './crossBatchFlow';

/** An inspection sheet where `wrong` of each moderator's 13 items are over-enforcements. */
function inspection(rows: [moderator: string, wrong: number][]): (string | number)[][] {
  const out: (string | number)[][] = [[...INSPECTION_COLUMNS]];
  const c = (name: (typeof INSPECTION_COLUMNS)[number]) => INSPECTION_COLUMNS.indexOf(name);
  let id = 0;
  for (const [moderator, wrong] of rows) {
    for (let i = 0; i < 13; i++) {
      const r: (string | number)[] = INSPECTION_COLUMNS.map(() => '');
      r[c('item_id')] = String(++id);
      r[c('moderator')] = moderator;
      r[c('verdict')] = 'remove';
      r[c('policy')] = 'SAF.HATE';
      r[c('qa_verdict')] = i < wrong ? 'approve' : 'remove';
      r[c('qa_policy')] = i < wrong ? '' : 'SAF.HATE';
      out.push(r);
    }
  }
  return out;
}

test("accuracy per moderator across batches, and each moderator's ISO 2859-1 switching state", async () => {
  const b = createWorkbook();
  const batches: (string | number)[][] = [
    ['batch', 'created_at', 'created_by', 'source_sheet', 'method', 'parameters'],
  ];
  // 13 items per moderator per batch: code letter E; at AQL 2.5 the plan E is 20:1 (↓), so Ac = 1.
  const plan = JSON.stringify({ size: { kind: 'iso2859', level: 'II', aql: '2.5' } });
  const weeks: [string, number, number][] = [
    ['w1', 0, 2],
    ['w2', 1, 3],
    ['w3', 0, 0],
  ];
  for (const [name, sato, lee] of weeks) {
    b.addSheet(
      `QA ${name}`,
      inspection([
        ['sato', sato],
        ['lee', lee],
      ]),
    );
    batches.push([name, `2026-11-0${batches.length}T00:00:00Z`, '', 'Decisions', 'simple', plan]);
  }
  b.addSheet('QA Batches', batches);
  const standings = await crossBatchFlow(b.run, { lang: 'ja' });
  expect(standings.map((s) => [s.moderator, s.batches, s.inspected, s.correct, s.lots.join(','), s.state])).toEqual([
    ['lee', 3, 39, 34, 'reject,reject,accept', 'tightened'],
    ['sato', 3, 39, 38, 'accept,accept,accept', 'normal'],
  ]);
  const sheet = b.valuesOf('QA Moderators');
  expect(sheet[0][0]).toBe('バッチ横断の担当者別正確度');
  expect(sheet[2].slice(0, 4)).toEqual(['lee', 3, 39, 34]);
  expect(sheet[2][6]).toBe('tightened');
});
