/**
 * .xlsx files on disk (Node: the CLI and the bench). The same reader and writer as xlsx.ts for
 * every size — there is no second, lossy path for big files. Writing goes to a temporary file
 * beside the target, is read back to verify, and then renamed over it in one step, so a failed
 * or interrupted save never leaves a half-written workbook under the target's name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkbookModel } from './model';
import { readXlsx } from './xlsxRead';
import { writeXlsx } from './xlsxWrite';
import { crc32, readZip, streamEntry } from './zip';

/** Reads an .xlsx file into a workbook model (the package kept for writing back). */
export async function readXlsxFile(file: string): Promise<WorkbookModel> {
  return readXlsx(fs.readFileSync(file));
}

/** Checks that bytes are a whole zip whose every part inflates to its recorded size and checksum. */
export function verifyXlsxBytes(bytes: Uint8Array): void {
  for (const entry of readZip(bytes).values()) {
    let size = 0;
    let crc = 0;
    streamEntry(entry, (chunk) => {
      size += chunk.length;
      crc = crc32(chunk, crc);
    });
    if (size !== entry.size || crc !== entry.crc) throw new Error(`the part ${entry.name} did not come out whole`);
  }
}

/**
 * Writes bytes to `file` through a temporary file beside it (verified, then renamed over it):
 * the target is either its old self or the whole new file. Follows a symbolic link to its target.
 */
export function replaceFileAtomically(file: string, bytes: Uint8Array): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // a new file: written where asked
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    verifyXlsxBytes(fs.readFileSync(temp));
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes the workbook to a file (into the package it was read from, when there is one), atomically. */
export async function writeXlsxFile(model: WorkbookModel, file: string): Promise<void> {
  replaceFileAtomically(file, writeXlsx(model));
}
