import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { main } from './main';
import { capturedIo, tempFolder, writeDemoDecisions } from './testing';

const NOW = Date.UTC(2026, 10, 24, 12);
const io = () => capturedIo(NOW);

test(
  'report twice on the same workbook: ' + 'the second run refreshes the report the first one wrote (issue 10)',
  async () => {
    const dir = tempFolder('mqa-cli-twice-');
    const decisions = path.join(dir, 'decisions.xlsx');
    await writeDemoDecisions(decisions, 400, 8);
    const sampled = path.join(dir, 'sampled.xlsx');
    expect(
      await main(
        [
          'sample',
          decisions,
          '--batch',
          'w1',
          '--level',
          'II',
          '--aql',
          '2.5',
          '--seed',
          'w1',
          '--json',
          '--out',
          sampled,
        ],
        io().value,
      ),
    ).toBe(0);
    const first = path.join(dir, 'report1.xlsx');
    const a = io();
    expect(await main(['report', sampled, '--batch', 'w1', '--json', '--out', first], a.value)).toBe(0);
    // An inspector fills in verdicts in the file the CLI wrote (a second sitting), then the report runs again on it.
    const model = await importXlsx(fs.readFileSync(first));
    const sheet = model.sheet('QA w1')!;
    const at = (name: string) => sheet.rows[0]!.indexOf(name);
    for (let r = 1; r <= 5; r++) sheet.setCell(r, at('qa_verdict'), 'approve');
    const inspected = path.join(dir, 'inspected.xlsx');
    fs.writeFileSync(inspected, await exportXlsx(model));
    for (const out of [path.join(dir, 'report2.xlsx'), path.join(dir, 'report3.xlsx')]) {
      const r = io();
      const code = await main(['report', inspected, '--batch', 'w1', '--json', '--out', out], r.value);
      expect(r.err.join('')).not.toMatch(/could not finish|ItemNotFound/);
      expect(code).toBe(0);
      expect(JSON.parse(r.out.join(''))).toMatchObject({ inspected: 5 });
      const written = await importXlsx(fs.readFileSync(out));
      expect(written.sheets.filter((s) => s.name.startsWith('QA Report'))).toHaveLength(1);
    }
  },
);
