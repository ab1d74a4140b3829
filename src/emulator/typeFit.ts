/**
 * Compile-time check that the emulator's objects fit @types/office-js where src/excel reads and
 * writes them: if a property's type drifts from Excel's, `npm run typecheck` fails here.
 */
import type { RangeApi, TableApi, WorksheetApi } from './api';

type Fits<T, U> = T extends U ? true : never;

export const rangeFits: Fits<RangeApi, Pick<Excel.Range, 'values' | 'formulas' | 'numberFormat' | 'address' | 'rowCount' | 'columnCount' | 'rowIndex' | 'columnIndex' | 'text' | 'isNullObject'>> = true;
export const worksheetFits: Fits<WorksheetApi, Pick<Excel.Worksheet, 'name' | 'position' | 'isNullObject' | 'id'>> = true;
export const tableFits: Fits<TableApi, Pick<Excel.Table, 'name' | 'isNullObject'>> = true;
