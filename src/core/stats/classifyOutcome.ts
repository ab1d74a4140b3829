import { isEnforcing, type Outcome, type Verdict } from '../model';

export interface VerdictAndPolicy {
  verdict: Verdict | null | '';
  policy?: string | null;
}

/**
 * The outcome of one inspected item, the original decision against the QA decision:
 * correct; over_enforcement (enforced, QA approves); under_enforcement (approved, QA enforces);
 * wrong_policy (both enforce, different policy); wrong_action (same policy, different
 * enforcement); pending (no QA verdict yet).
 *
 * Escalations: a QA verdict of escalate leaves the item pending (QA has not decided yet); an
 * original escalate that QA decides is judged as a wrong_action when QA enforces or approves,
 * since the moderator should have decided (and correct when QA also escalates).
 *
 * Policies are compared by code: `codeOf` turns what either side wrote (a code, an English or
 * Japanese name, an alias) into its taxonomy code; without it, codes are compared as written
 * (trimmed, case-insensitive).
 *
 * @example classifyOutcome({ verdict: 'remove', policy: 'SAF.HATE' }, { verdict: 'approve' }) // 'over_enforcement'
 * Invalid input: a missing original verdict with a QA verdict is judged as under_enforcement
 * when QA enforces and correct when QA approves (nothing was done, which is what approve means).
 */
export function classifyOutcome(
  original: VerdictAndPolicy,
  qa: VerdictAndPolicy,
  codeOf: (policy: string) => string = (p) => p,
): Outcome {
  const q = qa.verdict || null;
  if (q === null || q === 'escalate') return 'pending';
  const o = original.verdict || 'approve';
  if (o === 'escalate') return 'wrong_action';
  const oEnf = isEnforcing(o);
  const qEnf = isEnforcing(q);
  if (!oEnf && !qEnf) return 'correct';
  if (oEnf && !qEnf) return 'over_enforcement';
  if (!oEnf && qEnf) return 'under_enforcement';
  const code = (p: string | null | undefined) =>
    codeOf((p ?? '').trim())
      .trim()
      .toUpperCase();
  const samePolicy = code(original.policy) === code(qa.policy);
  if (!samePolicy) return 'wrong_policy';
  return o === q ? 'correct' : 'wrong_action';
}
