import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  INITIAL_SWITCHING,
  inspectionFor,
  nextSwitchingStatus,
  switchingStateAfter,
  switchingStatusAfter,
} from './switching';

// Each rule as shared/reference/sampling.md ("Switching rules") words it, tested on its own.
const RULES = {
  normalToTightened: 'Normal -> tightened: 2 of 5 or fewer consecutive lots not accepted.',
  tightenedToNormal: 'Tightened -> normal: 5 consecutive lots accepted.',
  normalToReduced: 'Normal -> reduced: 10 preceding lots accepted (plus conditions a lead confirms).',
  reducedToNormal: 'Reduced -> normal: a lot not accepted.',
  discontinue: 'Discontinue: 5 cumulative lots not accepted while on tightened inspection.',
};
const A = true;
const R = false;
const ten = Array<boolean>(10).fill(A);

test('the rules tested here are the reference text, word for word', () => {
  const reference = path.join(__dirname, '../../../../shared/reference/sampling.md');
  const candidates = [reference, '/work/shared/reference/sampling.md'].filter((f) => fs.existsSync(f));
  if (candidates.length === 0) return; // outside the project's machine the quotes above stand alone
  const text = fs.readFileSync(candidates[0], 'utf8');
  for (const rule of Object.values(RULES)) expect(text).toContain(rule);
});

describe(RULES.normalToTightened, () => {
  test('two rejections among 5 consecutive lots tighten, at the second rejection', () => {
    const s = switchingStatusAfter([R, A, A, A, R]);
    expect([s.state, s.rule, s.movedAtLot]).toEqual(['tightened', 'normalToTightened', 4]);
  });
  test('two rejections in fewer than 5 lots (2 of 2, 2 of 3) tighten too', () => {
    expect(switchingStateAfter([R, R])).toBe('tightened');
    expect(switchingStateAfter([A, R, A, R])).toBe('tightened');
  });
  test('two rejections 6 lots apart do not: they are not within 5 consecutive lots', () => {
    expect(switchingStateAfter([R, A, A, A, A, R])).toBe('normal');
  });
  test('a single rejection does not', () => {
    expect(switchingStateAfter([A, A, R, A, A, A])).toBe('normal');
  });
});

describe(RULES.tightenedToNormal, () => {
  test('5 accepted in a row on tightened return to normal, at the fifth', () => {
    const s = switchingStatusAfter([R, R, A, A, A, A, A]);
    expect([s.state, s.rule, s.movedAtLot]).toEqual(['normal', 'tightenedToNormal', 6]);
  });
  test('4 are not enough, and a rejection restarts the count', () => {
    expect(switchingStateAfter([R, R, A, A, A, A])).toBe('tightened');
    expect(switchingStateAfter([R, R, A, A, A, A, R, A, A, A, A])).toBe('tightened');
  });
  test('back on normal the 2-of-5 window starts afresh (lots on tightened do not count)', () => {
    expect(switchingStateAfter([R, R, A, A, A, A, A, R])).toBe('normal');
  });
});

describe(RULES.normalToReduced, () => {
  test('10 accepted in a row with the lead’s confirmation go to reduced, at the tenth', () => {
    const s = switchingStatusAfter(ten, { reducedAllowed: true });
    expect([s.state, s.rule, s.movedAtLot]).toEqual(['reduced', 'normalToReduced', 9]);
  });
  test('without the confirmation the stream stays on normal, marked eligible', () => {
    const s = switchingStatusAfter(ten);
    expect([s.state, s.reducedEligible]).toEqual(['normal', true]);
    expect(switchingStatusAfter(ten.slice(1)).reducedEligible).toBe(false);
  });
  test('9 accepted, then a rejection, then 9 more: never 10 preceding accepted', () => {
    expect(switchingStateAfter([...ten.slice(1), R, ...ten.slice(1)], { reducedAllowed: true })).toBe('normal');
  });
});

describe(RULES.reducedToNormal, () => {
  test('one lot not accepted on reduced returns to normal', () => {
    const s = switchingStatusAfter([...ten, A, A, R], { reducedAllowed: true });
    expect([s.state, s.rule, s.movedAtLot]).toEqual(['normal', 'reducedToNormal', 12]);
  });
  test('accepted lots keep reduced', () => {
    expect(switchingStateAfter([...ten, A, A, A], { reducedAllowed: true })).toBe('reduced');
  });
});

describe(RULES.discontinue, () => {
  test('5 rejections in all while tightened discontinue, even with accepted lots between', () => {
    const s = switchingStatusAfter([R, R, R, A, R, A, R, R, R]);
    expect([s.state, s.rule, s.movedAtLot]).toEqual(['discontinued', 'discontinue', 8]);
  });
  test('the 2 rejections that tightened do not count; 4 while tightened do not discontinue', () => {
    expect(switchingStateAfter([R, R, R, R, R, R])).toBe('tightened');
  });
  test('a discontinued stream stays so, and its next plan is tightened once restarted', () => {
    expect(switchingStateAfter([R, R, R, R, R, R, R, A, A, A, A, A])).toBe('discontinued');
    expect(inspectionFor('discontinued')).toBe('tightened');
  });
});

test('the status object is not mutated', () => {
  const s = { ...INITIAL_SWITCHING, recentNormal: [true] };
  nextSwitchingStatus(s, false);
  expect(s.recentNormal).toEqual([true]);
});
