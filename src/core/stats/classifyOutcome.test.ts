import { classifyOutcome } from './classifyOutcome';

test('outcomes follow DESIGN.md', () => {
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'remove', policy: 'A' })).toBe('correct');
  expect(classifyOutcome({ verdict: 'approve' }, { verdict: 'approve' })).toBe('correct');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'approve' })).toBe('over_enforcement');
  expect(classifyOutcome({ verdict: 'approve' }, { verdict: 'age_restrict', policy: 'A' })).toBe('under_enforcement');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'remove', policy: 'B' })).toBe('wrong_policy');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'fyf_ineligible', policy: 'a' })).toBe(
    'wrong_action',
  );
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: null })).toBe('pending');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'escalate' })).toBe('pending');
});
