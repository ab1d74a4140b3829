import { codeLetter, planForLetter, samplingPlan } from './samplingPlan';
import { INSPECTION_LEVELS, type Aql, type CodeLetter } from './planTables';

// shared/reference/sampling.md, normal inspection, transcribed cell by cell (arrows followed).
const REFERENCE = `
A | 20:0 | 13:0 | 8:0 | 5:0 | 3:0 | 2:0
B | 20:0 | 13:0 | 8:0 | 5:0 | 3:0 | 2:0
C | 20:0 | 13:0 | 8:0 | 5:0 | 3:0 | 8:1
D | 20:0 | 13:0 | 8:0 | 5:0 | 13:1 | 8:1
E | 20:0 | 13:0 | 8:0 | 20:1 | 13:1 | 13:2
F | 20:0 | 13:0 | 32:1 | 20:1 | 20:2 | 20:3
G | 20:0 | 50:1 | 32:1 | 32:2 | 32:3 | 32:5
H | 80:1 | 50:1 | 50:2 | 50:3 | 50:5 | 50:7
J | 80:1 | 80:2 | 80:3 | 80:5 | 80:7 | 80:10
K | 125:2 | 125:3 | 125:5 | 125:7 | 125:10 | 125:14
L | 200:3 | 200:5 | 200:7 | 200:10 | 200:14 | 200:21
M | 315:5 | 315:7 | 315:10 | 315:14 | 315:21 | 200:21
N | 500:7 | 500:10 | 500:14 | 500:21 | 315:21 | 200:21
P | 800:10 | 800:14 | 800:21 | 500:21 | 315:21 | 200:21
Q | 1250:14 | 1250:21 | 800:21 | 500:21 | 315:21 | 200:21
R | 2000:21 | 1250:21 | 800:21 | 500:21 | 315:21 | 200:21`;
const AQL_COLUMNS: Aql[] = ['0.65', '1.0', '1.5', '2.5', '4.0', '6.5'];

describe('every letter × AQL cell of the reference table', () => {
  const rows = REFERENCE.trim()
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));
  for (const [letter, ...cells] of rows) {
    cells.forEach((cell, i) => {
      test(`${letter} at AQL ${AQL_COLUMNS[i]} is ${cell}`, () => {
        const [n, ac] = cell.split(':').map(Number);
        expect(planForLetter(letter as CodeLetter, AQL_COLUMNS[i])).toEqual({
          sampleSize: n,
          accept: ac,
          reject: ac + 1,
        });
      });
    });
  }
  test('letter A plans (lots of 2–8 at level II) follow the arrows down, then 100%', () => {
    // Lot 8, level II → A; AQL 6.5 gives 2:0; AQL 0.65 points to 20:0, which exceeds the lot: inspect all.
    expect(samplingPlan({ lotSize: 8, level: 'II', aql: 6.5 })).toEqual({
      letter: 'A',
      sampleSize: 2,
      accept: 0,
      reject: 1,
      inspectAll: false,
    });
    expect(samplingPlan({ lotSize: 8, level: 'II', aql: 0.65 })).toEqual({
      letter: 'A',
      sampleSize: 8,
      accept: 0,
      reject: 1,
      inspectAll: true,
    });
    expect(samplingPlan({ lotSize: 8, level: 'II', aql: 4.0 })).toEqual({
      letter: 'A',
      sampleSize: 3,
      accept: 0,
      reject: 1,
      inspectAll: false,
    });
  });
});

test("the standard's worked example: level II, lot 3,201–10,000, AQL 1.5 → L, 200, Ac 7, Re 8", () => {
  for (const lot of [3201, 5000, 10000])
    expect(samplingPlan({ lotSize: lot, level: 'II', aql: '1.5' })).toEqual({
      letter: 'L',
      sampleSize: 200,
      accept: 7,
      reject: 8,
      inspectAll: false,
    });
});

test('code letters follow table I at the boundaries', () => {
  expect(codeLetter(2, 'II')).toBe('A');
  expect(codeLetter(9, 'II')).toBe('B');
  expect(codeLetter(500000, 'III')).toBe('Q');
  expect(codeLetter(500001, 'III')).toBe('R');
  expect(codeLetter(1048576, 'S-4')).toBe('K');
  expect(INSPECTION_LEVELS.map((l) => codeLetter(1000, l)).join('')).toBe('CCEFGJK');
});

test('tightened keeps n and lowers Ac (L at AQL 1.0 is 200:3); reduced uses smaller samples', () => {
  expect(samplingPlan({ lotSize: 5000, level: 'II', aql: 1.0, inspection: 'tightened' })).toMatchObject({
    letter: 'L',
    sampleSize: 200,
    accept: 3,
    reject: 4,
  });
  const reduced = samplingPlan({ lotSize: 5000, level: 'II', aql: 1.5, inspection: 'reduced' });
  expect(reduced.sampleSize).toBe(80);
  expect(reduced.reject).toBeGreaterThan(reduced.accept);
});

test('bad input is refused with a RangeError', () => {
  expect(() => samplingPlan({ lotSize: 1, level: 'II', aql: 1.5 })).toThrow(RangeError);
  expect(() => samplingPlan({ lotSize: 100, level: 'II', aql: 3 })).toThrow(RangeError);
  expect(() => samplingPlan({ lotSize: 100, level: 'IV' as never, aql: 1.5 })).toThrow(RangeError);
});
