import type { WorkbookModel } from '../emulator';
import { fingerprint } from '../emulator/xlsxRead';

/**
 * What the workbook holds, in short: each sheet's name, visibility and contents fingerprint (its
 * edit counter, sizes, tables and pivots — what the .xlsx writer uses to tell a changed sheet),
 * the sheet order and the defined names. Selection and the active sheet are not content.
 */
export function workbookFingerprint(model: WorkbookModel): string {
  return JSON.stringify([
    model.sheets.map((s) => [s.id, s.name, s.visibility, fingerprint(model, s)]),
    [...model.names.values()],
  ]);
}

/**
 * Whether the workbook has changes the analyst has not saved (downloaded as .xlsx). Fed by the
 * workbook's change notifications: `changed()` after each, `saved()` after Save, `opened()` when
 * another workbook takes its place (a restored draft opens unsaved).
 */
export class UnsavedWork<T> {
  private savedAs: string | undefined;
  private lastSeen: string | undefined;
  private draftOf: string | undefined;

  constructor(private readonly fingerprintOf: (book: T) => string) {}

  /** A workbook opened: clean when it came from a file or is a new demo, unsaved when it is a restored draft. */
  opened(book: T, unsaved = false): void {
    const now = this.fingerprintOf(book);
    this.savedAs = unsaved ? undefined : now;
    this.lastSeen = now;
    this.draftOf = unsaved ? now : undefined;
  }

  /** After a change notification: whether the workbook now differs from what was saved. */
  changed(book: T): boolean {
    this.lastSeen = this.fingerprintOf(book);
    return this.dirty;
  }

  /** The workbook was saved as it is now. */
  saved(book: T): void {
    this.savedAs = this.fingerprintOf(book);
    this.lastSeen = this.savedAs;
    this.draftOf = undefined;
  }

  get dirty(): boolean {
    return this.lastSeen !== this.savedAs;
  }

  /** Whether the browser's copy is behind the workbook (dirty, and changed since the last copy). */
  get draftStale(): boolean {
    return this.dirty && this.draftOf !== this.lastSeen;
  }

  /** The browser's copy now holds the workbook as last seen. */
  drafted(): void {
    this.draftOf = this.lastSeen;
  }
}
