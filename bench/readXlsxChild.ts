/**
 * The CLI's reader in a process of its own, for the files bench to measure (CPU, peak RSS):
 * reads the .xlsx into the embedded workbook as `moderation-qa` does, and prints what it read.
 */
import { createWorkbook } from '../src/emulator';
import { readXlsxFile } from '../src/emulator/xlsxStream';

void (async () => {
  const book = createWorkbook(await readXlsxFile(process.argv[2]));
  const sheet = book.model.sheets[0];
  let dates = 0;
  for (let r = 1; r < sheet.rows.length; r++) if (sheet.numberFormat(r, 4) !== 'General') dates++;
  process.stdout.write(JSON.stringify({ rows: sheet.rows.length, dates }));
})();
