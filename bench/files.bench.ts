/**
 * Files bench: the CLI's .xlsx reader on a full sheet (1,048,576 rows × 12, dates formatted),
 * once with shared strings (as Excel writes) and once with inline strings (as many scripts
 * write), beside the fastest reader on npm (xlsx-to-csv, a Rust binary) on the same files. Each
 * reader runs in a process of its own, measured by GNU time: CPU seconds (user + system) and
 * peak RSS. Then the writer: the report flow's sheets written into the user's package.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDecisions } from '../src/core/demo/generateDecisions';
import { columnLetter } from '../src/excelSpec';
import { escapeXml, NS, relsXml } from '../src/emulator/xlsxXml';
import { EntryWriter, newEntry, writeZip, type ZipEntry } from '../src/emulator/zip';
import type { BenchContext } from './harness';

const ROOT = path.join(__dirname, '..');

/** A decisions workbook as Excel (shared strings) or a script (inline strings) writes it, streamed to disk. */
export function writeDecisionsXlsx(file: string, rows: (string | number)[][], shared: boolean): void {
  const strings = new Map<string, number>();
  const sheet = new EntryWriter('xl/worksheets/sheet1.xml');
  sheet.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ` +
      `xmlns="${NS.main}" xmlns:r="${NS.r}"><dimension ref="A1:L${rows.length}"/><sheetData>`,
  );
  const letters = Array.from({ length: 12 }, (_, c) => columnLetter(c));
  rows.forEach((row, r) => {
    let cells = '';
    row.forEach((v, c) => {
      const ref = `${letters[c]}${r + 1}`;
      if (v === '') return;
      if (typeof v === 'number') cells += `<c r="${ref}"${c === 4 ? ' s="1"' : ''}><v>${v}</v></c>`;
      else if (shared) {
        let i = strings.get(v);
        if (i === undefined) strings.set(v, (i = strings.size));
        cells += `<c r="${ref}" t="s"><v>${i}</v></c>`;
      } else cells += `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    });
    sheet.write(`<row r="${r + 1}">${cells}</row>`);
  });
  sheet.write('</sheetData></worksheet>');
  const sharedStringsOverride =
    '<Override PartName="/xl/sharedStrings.xml" ' + `ContentType="${NS.ct('spreadsheetml.sharedStrings')}"/>`;
  const entries: ZipEntry[] = [
    newEntry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ` +
        `ContentType="${NS.ct('spreadsheetml.sheet.main')}"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${NS.ct('spreadsheetml.worksheet')}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${NS.ct('spreadsheetml.styles')}"/>` +
        `${shared ? sharedStringsOverride : ''}</Types>`,
    ),
    newEntry('_rels/.rels', relsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }])),
    newEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" ` +
        `xmlns:r="${NS.r}"><sheets><sheet name="判定" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    newEntry(
      'xl/_rels/workbook.xml.rels',
      relsXml([
        { id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' },
        { id: 'rId2', type: 'styles', target: 'styles.xml' },
        ...(shared ? [{ id: 'rId3', type: 'sharedStrings', target: 'sharedStrings.xml' }] : []),
      ]),
    ),
    newEntry(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}"><numFmts count="1">` +
        `<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/>` +
        `<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>` +
        `<patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    sheet.end(),
  ];
  if (shared) {
    const sst = new EntryWriter('xl/sharedStrings.xml');
    sst.write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" uniqueCount="${strings.size}">`,
    );
    for (const s of strings.keys()) sst.write(`<si><t>${escapeXml(s)}</t></si>`);
    sst.write('</sst>');
    entries.push(sst.end());
  }
  fs.writeFileSync(file, writeZip(entries));
}

/** CPU seconds and peak RSS (MB) of one process, by GNU time. */
function measured(command: string, args: string[]): { cpu: number; rssMB: number; stdout: string } {
  const out = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', command, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const line = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(out.stderr);
  if (out.status !== 0 || !line) throw new Error(`${command} failed: ${out.stderr.slice(-2000)}`);
  return { cpu: Number(line[1]) + Number(line[2]), rssMB: Number(line[3]) / 1024, stdout: out.stdout };
}

export async function run(ctx: BenchContext): Promise<void> {
  if (!fs.existsSync('/usr/bin/time')) {
    ctx.record({
      suite: 'files',
      name: 'reader CPU and RSS (needs GNU time: apt-get install time)',
      value: 0,
      unit: 's',
      note: 'skipped',
    });
    return;
  }
  const rows = ctx.quick ? 100_000 : 1_048_575;
  const label = `${(rows + 1).toLocaleString('en-US')} × 12`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-files-bench-'));
  const data = generateDecisions({ rows, headers: 'ja', seed: 7 }).map((r) =>
    r.map((v) => (typeof v === 'boolean' ? String(v) : v)),
  );
  const peer = path.join(ROOT, 'node_modules', 'xlsx-to-csv', 'dist', 'xlsx-to-csv-linux');
  const reader = path.join(__dirname, 'readXlsxChild.ts');
  for (const shared of [true, false]) {
    const kind = shared ? 'shared strings' : 'inline strings';
    const file = path.join(dir, `decisions-${shared ? 'sst' : 'inline'}.xlsx`);
    writeDecisionsXlsx(file, data, shared);
    const size = `${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB file`;
    const ours = measured(process.execPath, ['--import', 'tsx', reader, file]);
    const got = JSON.parse(ours.stdout) as { rows: number; dates: number };
    if (got.rows !== rows + 1 || got.dates === 0)
      throw new Error(`the reader read ${got.rows} rows, ${got.dates} formatted dates`);
    ctx.record({
      suite: 'files',
      name: `CLI reader: ${label} .xlsx, ${kind}, CPU`,
      value: ours.cpu,
      unit: 's',
      note: size,
    });
    ctx.record({
      suite: 'files',
      name: `CLI reader: ${label} .xlsx, ${kind}, peak RSS`,
      value: Math.round(ours.rssMB),
      unit: 'MB',
      target: { max: 1024 },
    });
    if (fs.existsSync(peer) && os.platform() === 'linux') {
      const theirs = measured(peer, ['--file', file, '--dest', path.join(dir, 'peer.csv')]);
      ctx.record({ suite: 'files', name: `xlsx-to-csv 2.0.1 (Rust): same file, CPU`, value: theirs.cpu, unit: 's' });
      ctx.record({
        suite: 'files',
        name: `xlsx-to-csv 2.0.1 (Rust): same file, peak RSS`,
        value: Math.round(theirs.rssMB),
        unit: 'MB',
      });
      ctx.record({
        suite: 'files',
        name: `CLI reader CPU ÷ xlsx-to-csv CPU, ${kind}`,
        value: ours.cpu / theirs.cpu,
        unit: 'ratio',
        target: { max: 2 },
      });
    }
    fs.rmSync(file, { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
