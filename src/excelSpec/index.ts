// Excel's own facts, in one leaf that imports nothing: A1 notation, limits, cell values and error values.
export * from './a1';
export * from './cellValue';
export * from './limits';
