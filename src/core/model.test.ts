import { ENFORCING_VERDICTS, VERDICTS, isEnforcing } from './model';

test('every enforcing verdict is a verdict, and approve and escalate do not enforce', () => {
  for (const v of ENFORCING_VERDICTS) expect(VERDICTS).toContain(v);
  expect(isEnforcing('approve')).toBe(false);
  expect(isEnforcing('escalate')).toBe(false);
  expect(isEnforcing('remove')).toBe(true);
});
