import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { SLIPPING, threeWeeksBook } from '../../test/helpers/threeWeeks';
import { main } from './main';
import { capturedIo, tempFolder } from './testing';

const io = () => capturedIo(Date.UTC(2026, 10, 24));
const dir = tempFolder('mqa-lead-');
const file = path.join(dir, 'three-weeks.xlsx');

beforeAll(async () => {
  fs.writeFileSync(file, await exportXlsx((await threeWeeksBook('en')).model));
}, 30000);

test(
  'trend: the slip, the switching state and the next plan, ' +
    'as text in both languages and as JSON; --out keeps QA Trends',
  async () => {
    const a = io();
    expect(await main(['trend', file], a.value)).toBe(0);
    expect(a.out.join('')).toContain('QA Trends: 3 batch(es),');
    expect(a.out.join('')).toContain('next batch: tightened inspection.');
    expect(a.out.join('')).toContain(`${SLIPPING}: tightened — 2 of 5 or fewer consecutive lots not accepted`);
    const b = io();
    expect(await main(['trend', file, '--lang', 'ja'], b.value)).toBe(0);
    expect(b.out.join('')).toContain(`${SLIPPING}（担当者）：100.0% → 0.0%（W45 から W47）`);
    const c = io();
    const out = path.join(dir, 'with-trends.xlsx');
    expect(await main(['trend', file, '--json', '--out', out], c.value)).toBe(0);
    const json = JSON.parse(c.out.join(''));
    expect(json.next).toEqual({ inspection: 'tightened', aql: '2.5', because: [SLIPPING] });
    expect(json.moderators.find((m: { moderator: string }) => m.moderator === SLIPPING)).toMatchObject({
      lots: ['accept', 'reject', 'reject'],
      state: 'tightened',
      rule: 'normalToTightened',
      since: 'W47',
    });
    expect(json.flagged).toContainEqual({ dimension: 'moderator', group: SLIPPING, from: 'W45', to: 'W47' });
    const point = json.series.find((s: { group: string }) => s.group === SLIPPING).points[0];
    expect(point.wilson95[1]).toBe(1);
    const saved = await importXlsx(fs.readFileSync(out));
    expect(saved.sheet('QA Trends')?.value(0, 0)).toBe('Trends across 3 batch(es)');
  },
);

test(
  'coach: one moderator as one .xlsx with only their coaching sheet; ' + 'every moderator as one file each in a folder',
  async () => {
    const one = path.join(dir, 'sato.xlsx');
    const a = io();
    expect(await main(['coach', file, '--moderator', SLIPPING, '--batch', 'W47', '--out', one], a.value)).toBe(0);
    const model = await importXlsx(fs.readFileSync(one));
    expect(model.sheets.map((s) => s.name)).toEqual([`QA Coach ${SLIPPING}`]);
    const rows = model.sheets[0].rows.filter(Boolean) as (string | number)[][];
    expect(rows[0][0]).toBe(`Coaching — ${SLIPPING} — W47`);
    expect(rows[2].slice(0, 3)).toEqual(['Batch', 'Item', 'Link']);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.slice(3).every((r) => r[0] === 'W47' && r[8] === 'Policy misread')).toBe(true);
    expect(a.out.join('')).toContain(`Wrote ${one}`);

    const folder = path.join(dir, 'coaching');
    const b = io();
    expect(
      await main(
        ['coach', file, '--from', '2026-11-01', '--to', '2026-11-30', '--out', folder, '--json', '--lang', 'ja'],
        b.value,
      ),
    ).toBe(0);
    const written = JSON.parse(b.out.join('')) as { moderator: string; file: string; errors: number }[];
    expect(fs.readdirSync(folder).sort()).toEqual(written.map((w) => path.basename(w.file)).sort());
    expect(written.find((w) => w.moderator === SLIPPING)?.errors).toBeGreaterThan(rows.length - 3);
    expect((await importXlsx(fs.readFileSync(written[0].file))).sheets[0].value(2, 0)).toBe('バッチ');
  },
);

test('coach: a bad date or an unknown moderator is a clear message and exit 2', async () => {
  const a = io();
  expect(await main(['coach', file, '--from', '11/01/2026', '--out', dir], a.value)).toBe(2);
  expect(a.err.join('')).toContain('YYYY-MM-DD');
  const b = io();
  expect(
    await main(['coach', file, '--moderator', 'nobody', '--out', path.join(dir, 'x.xlsx'), '--lang', 'ja'], b.value),
  ).toBe(2);
  expect(b.err.join('')).toContain('担当者「nobody」');
});
