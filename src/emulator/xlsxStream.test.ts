import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkbook } from './index';
import { readXlsxFile, replaceFileAtomically, writeXlsxFile } from './xlsxStream';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-save-'));

test(
  'saving in place goes through a verified file beside the ' +
    'target, renamed over it (through a link, the link stays a link)',
  async () => {
    const b = createWorkbook();
    b.addSheet('判定', [['ID'], ['0012']]);
    const real = path.join(dir, 'decisions.xlsx');
    const link = path.join(dir, 'link.xlsx');
    await writeXlsxFile(b.model, real);
    fs.symlinkSync(real, link);
    const book = createWorkbook(await readXlsxFile(link));
    book.addSheet('QA b1', [['item_id'], ['0012']]);
    await writeXlsxFile(book.model, link);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await readXlsxFile(real)).sheets.map((s) => s.name)).toEqual(['判定', 'QA b1']);
    expect(fs.readdirSync(dir).sort()).toEqual(['decisions.xlsx', 'link.xlsx']); // no temporary file left
  },
);

test('bytes that are not a whole package never replace the file', () => {
  const file = path.join(dir, 'keep.xlsx');
  fs.writeFileSync(file, 'original');
  expect(() => replaceFileAtomically(file, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow();
  expect(fs.readFileSync(file, 'utf8')).toBe('original');
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
