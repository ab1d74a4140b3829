import { DecisionLot } from '../decisions/decisionLot';
import { drawSample } from '../sampling/drawSample';
import { matchKey } from './matchKey';

test('IDs and names that differ only in form have one match key; different ones do not', () => {
  expect(matchKey('１２３')).toBe('123');
  expect(matchKey('456\u200b')).toBe('456');
  expect(matchKey('\ufeff456')).toBe('456');
  expect(matchKey("'789")).toBe('789');
  expect(matchKey('Jose\u0301')).toBe(matchKey('José'));
  expect(matchKey(' 00123 ')).toBe('00123'); // leading zeros are part of an ID
  expect(matchKey('00123')).not.toBe(matchKey('123'));
  expect(matchKey('A-1')).toBe('A-1'); // plain ASCII is its own key
});

test('a moderator typed in NFD and in NFC is one stratum of a quota draw', () => {
  const d = (row: number, moderator: string) => ({
    row,
    itemId: String(row),
    moderator,
    verdict: 'remove' as const,
    policy: 'SAF.HATE',
    decidedAt: null,
    market: 'JP',
    language: 'ja',
    queue: '',
    url: '',
    notes: '',
  });
  const lot = DecisionLot.from([d(2, 'José'), d(3, 'Jose\u0301'), d(4, 'José'), d(5, 'lee')]);
  const drawn = drawSample(lot, { method: 'moderator_quota', size: 0, quota: 5, seed: 's' });
  expect(drawn.allocation.map((a) => [a.stratum, a.population])).toEqual([
    ['José', 3],
    ['lee', 1],
  ]);
});
