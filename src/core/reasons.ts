/**
 * Why a decision was wrong: the default list of error reasons a QA team uses, bilingual, with a
 * one-line definition each. The workbook's `QA Reasons` sheet starts from it and the lead edits it.
 */
export interface ErrorReason {
  code: string;
  en: string;
  ja: string;
  definitionEn: string;
  definitionJa: string;
}

export const DEFAULT_REASONS: readonly ErrorReason[] = [
  {
    code: 'missed_context',
    en: 'Missed context',
    ja: '文脈の見落とし',
    definitionEn:
      'The video, caption, comments or account history held what decided the case, and it was not taken into account.',
    definitionJa: '動画・キャプション・コメント・アカウント履歴に判断の決め手があったのに考慮されなかった。',
  },
  {
    code: 'policy_misread',
    en: 'Policy misread',
    ja: 'ポリシーの読み違い',
    definitionEn: 'The right policy was considered but its definition or exceptions were applied wrongly.',
    definitionJa: '正しいポリシーを検討したが、その定義や例外の当てはめを誤った。',
  },
  {
    code: 'wrong_severity',
    en: 'Wrong severity',
    ja: '重大度の誤り',
    definitionEn: 'The violation was seen but the action was too strong or too weak for its severity.',
    definitionJa: '違反は認識したが、重大度に対して措置が強すぎる、または弱すぎた。',
  },
  {
    code: 'wrong_policy_chosen',
    en: 'Wrong policy chosen',
    ja: 'ポリシーの選択誤り',
    definitionEn: 'The content violates a policy, but a different policy was applied.',
    definitionJa: '違反はあるが、別のポリシーが適用された。',
  },
  {
    code: 'guideline_gap',
    en: 'Guideline gap',
    ja: 'ガイドラインの不備',
    definitionEn:
      'The guidelines do not cover the case or are ambiguous; the decision was reasonable on what they say.',
    definitionJa: 'ガイドラインが想定していない、または曖昧なケースで、記載内容に照らせば妥当な判断だった。',
  },
  {
    code: 'technical_error',
    en: 'Technical error',
    ja: '技術的なエラー',
    definitionEn: 'The decision was right on what the moderator saw, but the action failed or information was missing.',
    definitionJa: '担当者が見た情報に照らせば判断は正しかったが、措置が失敗した、または情報が欠けていた。',
  },
];
