import type { Verdict } from '../model';
import { normalizeKey } from '../text/normalizeKey';

/** Words moderators and QA tools write for each verdict, in English and Japanese. */
export const VERDICT_ALIASES: Record<Verdict, readonly string[]> = {
  approve: [
    'approve',
    'approved',
    'allow',
    'allowed',
    'ok',
    'pass',
    'no violation',
    'keep',
    'leave up',
    '承認',
    '問題なし',
    '許可',
    '違反なし',
    'OK',
    '通過',
  ],
  remove: [
    'remove',
    'removed',
    'takedown',
    'take down',
    'delete',
    'deleted',
    'reject',
    'rejected',
    'ban',
    '削除',
    '非公開',
    '却下',
    '取り下げ',
  ],
  age_restrict: [
    'age_restrict',
    'age restrict',
    'age restricted',
    'age-gate',
    'age gate',
    '18+',
    'adults only',
    'mature',
    '年齢制限',
    '18歳以上',
    '成人向け',
  ],
  fyf_ineligible: [
    'fyf_ineligible',
    'fyf ineligible',
    'not for feed',
    'not eligible for feed',
    'not recommended',
    'ineligible for fyf',
    'nr',
    'demote',
    'おすすめ対象外',
    'おすすめ除外',
    'レコメンド対象外',
    '推薦対象外',
  ],
  escalate: ['escalate', 'escalated', 'escalation', 'refer', 'エスカレーション', 'エスカレ', '上長確認', '要確認'],
};

const INDEX = new Map<string, Verdict>();
for (const [verdict, aliases] of Object.entries(VERDICT_ALIASES) as [Verdict, readonly string[]][]) {
  for (const alias of aliases) INDEX.set(normalizeKey(alias), verdict);
}

/**
 * The verdict a cell means, from English or Japanese aliases (case- and width-insensitive).
 *
 * @example parseVerdict('削除') // 'remove'
 * @example parseVerdict('Age Restrict') // 'age_restrict'
 * Invalid input: an empty cell gives `null`; an unknown word gives `undefined`.
 */
export function parseVerdict(value: unknown): Verdict | null | undefined {
  if (value === '' || value === null || value === undefined) return null;
  const key = normalizeKey(value);
  if (key === '') return null;
  return INDEX.get(key);
}
