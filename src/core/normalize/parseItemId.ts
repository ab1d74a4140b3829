/** The result of reading an item ID cell: always text, with what the cell's type tells us. */
export interface ItemIdReading {
  /** The ID as text; `''` for an empty cell. */
  id: string;
  /** 'text' as it should be; 'number' kept as text; 'precision_lost' a number of 16+ digits (digits already gone). */
  kind: 'empty' | 'text' | 'number' | 'precision_lost';
}

/**
 * Reads an item ID. IDs are text, always: a number is written out in full digits, and a number
 * of 16 or more digits is reported as precision already lost (Excel keeps 15 significant digits),
 * never "fixed".
 *
 * @example parseItemId('0012345') // { id: '0012345', kind: 'text' }
 * @example parseItemId(7301234567890123000) // { id: '7301234567890123000', kind: 'precision_lost' }
 * Invalid input: booleans and non-finite numbers are read as their text with kind 'number'.
 */
export function parseItemId(value: unknown): ItemIdReading {
  if (value === '' || value === null || value === undefined) return { id: '', kind: 'empty' };
  if (typeof value === 'string') {
    const id = value.trim();
    return { id, kind: id ? 'text' : 'empty' };
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const id = Number.isInteger(value) ? BigInt(value).toString() : String(value);
    return { id, kind: Math.abs(value) >= 1e15 ? 'precision_lost' : 'number' };
  }
  return { id: String(value), kind: 'number' };
}
