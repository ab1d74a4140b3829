import { parseItemId } from './parseItemId';

describe('parseItemId', () => {
  test('text IDs keep leading zeros; numbers become text; 16+ digit numbers are precision loss', () => {
    expect(parseItemId('0012345')).toEqual({ id: '0012345', kind: 'text' });
    expect(parseItemId('7301234567890123456')).toEqual({ id: '7301234567890123456', kind: 'text' });
    expect(parseItemId(12345)).toEqual({ id: '12345', kind: 'number' });
    expect(parseItemId(123456789012345)).toEqual({ id: '123456789012345', kind: 'number' });
    expect(parseItemId(7301234567890123000).kind).toBe('precision_lost');
    expect(parseItemId('')).toEqual({ id: '', kind: 'empty' });
  });
});
