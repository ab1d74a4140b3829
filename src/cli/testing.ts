/**
 * Set-up the CLI's tests share (imported by tests only; the CLI itself never loads it): an io that
 * keeps what the CLI writes, a demo decisions workbook on disk, and the add-in's own reading of a
 * CSV lot that the warehouse path is compared with.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDecisions } from '../core/demo/generateDecisions';
import { detectMapping } from '../core/mapping/detectMapping';
import type { Taxonomy } from '../core/taxonomy/types';
import { validateDecisions } from '../core/validation/createDecisionValidator';
import { createWorkbook } from '../emulator';
import { importCsv } from '../emulator/csv';
import { exportXlsx } from '../emulator/xlsx';
import type { CellValue } from '../excelSpec';
import type { CliIo } from './main';

/** An io for `main` whose clock reads `now`, not a terminal, with `env`; `out` and `err` keep what it wrote. */
export function capturedIo(now: number, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
    env,
    isTTY: false,
    now: () => now,
  };
  return { value, out, err };
}

/** A new empty folder under the system's temporary folder. */
export const tempFolder = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Writes `file`: an .xlsx with one sheet 判定 of generated decisions (Japanese headers). */
export async function writeDemoDecisions(file: string, rows: number, seed: number): Promise<void> {
  const b = createWorkbook();
  b.addSheet('判定', generateDecisions({ rows, headers: 'ja', seed }));
  fs.writeFileSync(file, await exportXlsx(b.model));
}

/** The add-in's reading of a CSV lot: importCsv, the detected mapping, the validator's lot. */
export function addInLot(file: string, taxonomy: Taxonomy, now: number) {
  const rows = importCsv(fs.readFileSync(file)).sheets[0].rows as CellValue[][];
  const { headerRow, mapping } = detectMapping(rows);
  return validateDecisions(rows.slice(headerRow + 1), headerRow + 2, {
    mapping,
    taxonomy,
    now,
    collectDecisions: true,
    maxFindings: 0,
  }).lot;
}
