import type { Policy, Taxonomy } from './types';

type Row = [
  code: string,
  parent: string,
  en: string,
  ja: string,
  severity: 1 | 2 | 3 | 4,
  verdicts: string,
  dsa: Policy['dsaCategory'],
  status?: 'deprecated',
  replacedBy?: string,
];

const R = 'remove';
const RA = 'remove age_restrict';
const RAF = 'remove age_restrict fyf_ineligible';
const RF = 'remove fyf_ineligible';

// The project's own wording, on the public section structure of a large short-video platform's
// community guidelines (2025) and the EU DSA statement categories (shared/reference/taxonomy.md).
const ROWS: Row[] = [
  ['SAF', '', 'Safety and civility', '安全と礼節', 4, '', ''],
  ['SAF.VIO', 'SAF', 'Violent and criminal behavior', '暴力的・犯罪的な行為', 4, R, 'VIOLENCE'],
  [
    'SAF.HATE',
    'SAF',
    'Hate speech and hateful behavior',
    'ヘイトスピーチ・憎悪的な行為',
    4,
    R,
    'ILLEGAL_OR_HARMFUL_SPEECH',
  ],
  [
    'SAF.ORG',
    'SAF',
    'Violent and hateful organizations and individuals',
    '暴力的・憎悪的な団体と個人',
    4,
    R,
    'RISK_FOR_PUBLIC_SECURITY',
  ],
  ['SAF.YOUTH', 'SAF', 'Youth sexual and physical abuse', '未成年者への性的・身体的虐待', 4, R, 'PROTECTION_OF_MINORS'],
  ['SAF.ADULT', 'SAF', 'Adult sexual abuse', '成人への性的虐待', 4, R, 'VIOLENCE'],
  ['SAF.TRAF', 'SAF', 'Human trafficking and smuggling', '人身売買・密入国', 4, R, 'RISK_FOR_PUBLIC_SECURITY'],
  ['SAF.HARASS', 'SAF', 'Harassment and bullying', '嫌がらせ・いじめ', 3, RF, 'CYBER_VIOLENCE'],
  ['MEN', '', 'Mental and behavioral health', '心と行動の健康', 3, '', ''],
  ['MEN.SELF', 'MEN', 'Suicide and self-harm', '自殺・自傷行為', 4, RAF, 'SELF_HARM'],
  ['MEN.EAT', 'MEN', 'Disordered eating and body image', '摂食障害・体型イメージ', 3, RAF, 'SELF_HARM'],
  [
    'MEN.DANGER',
    'MEN',
    'Dangerous activities and challenges',
    '危険な行為・チャレンジ',
    3,
    RAF,
    'RISK_FOR_PUBLIC_SECURITY',
  ],
  ['SEN', '', 'Sensitive and mature themes', 'センシティブ・成人向けのテーマ', 2, '', ''],
  [
    'SEN.NUDITY',
    'SEN',
    'Body exposure and sexualized behavior',
    '肌の露出・性的な振る舞い',
    2,
    RAF,
    'PROTECTION_OF_MINORS',
  ],
  ['SEN.GRAPHIC', 'SEN', 'Shocking and graphic content', 'ショッキング・生々しい内容', 2, RAF, 'VIOLENCE'],
  ['SEN.ANIMAL', 'SEN', 'Animal abuse', '動物虐待', 3, RA, 'ANIMAL_WELFARE'],
  ['INT', '', 'Integrity and authenticity', '誠実性と真正性', 2, '', ''],
  ['INT.MISINFO', 'INT', 'Misinformation', '誤情報', 3, RF, 'NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS'],
  [
    'INT.CIVIC',
    'INT',
    'Civic and election integrity',
    '市民活動・選挙の公正性',
    3,
    RF,
    'NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  ],
  [
    'INT.EDITED',
    'INT',
    'Edited media and AI-generated content',
    '編集されたメディア・AI生成コンテンツ',
    2,
    RF,
    'NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  ],
  [
    'INT.IP',
    'INT',
    'Unoriginal content and intellectual property',
    'オリジナリティのない内容・知的財産',
    1,
    RF,
    'INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  ],
  [
    'INT.FAKE',
    'INT',
    'Deceptive behavior and fake engagement',
    '欺瞞的な行為・偽のエンゲージメント',
    2,
    RF,
    'OTHER_VIOLATION_TC',
  ],
  ['INT.SPAM', 'INT', 'Spam (old code)', 'スパム（旧コード）', 1, RF, 'OTHER_VIOLATION_TC', 'deprecated', 'INT.FAKE'],
  ['REG', '', 'Regulated goods, services and commercial activities', '規制対象の商品・サービス・商業活動', 2, '', ''],
  [
    'REG.GOODS',
    'REG',
    'Regulated goods and services',
    '規制対象の商品・サービス',
    3,
    RAF,
    'UNSAFE_AND_PROHIBITED_PRODUCTS',
  ],
  [
    'REG.ADS',
    'REG',
    'Commercial disclosure and paid marketing',
    '商業目的の開示・有償マーケティング',
    1,
    RF,
    'CONSUMER_INFORMATION',
  ],
  ['REG.SCAM', 'REG', 'Frauds and scams', '詐欺', 4, R, 'SCAMS_AND_FRAUD'],
  [
    'REG.GAMBLE',
    'REG',
    'Gambling (old code)',
    'ギャンブル（旧コード）',
    2,
    RAF,
    'UNSAFE_AND_PROHIBITED_PRODUCTS',
    'deprecated',
    'REG.GOODS',
  ],
  ['PRI', '', 'Privacy and security', 'プライバシーとセキュリティ', 3, '', ''],
  ['PRI.PII', 'PRI', 'Personal information', '個人情報', 3, R, 'DATA_PROTECTION_AND_PRIVACY_VIOLATIONS'],
  ['PRI.SEC', 'PRI', 'Platform security', 'プラットフォームのセキュリティ', 3, R, 'RISK_FOR_PUBLIC_SECURITY'],
];

/** Common short or local names, as a start the lead edits in the sheet's aliases column. */
const ALIASES: Record<string, string[]> = {
  'SAF.HATE': ['Hate speech', 'ヘイトスピーチ', 'ヘイト'],
  'SAF.HARASS': ['Harassment', 'Bullying', '嫌がらせ', 'いじめ', 'ハラスメント'],
  'SEN.GRAPHIC': ['Graphic content', 'ショッキングで生々しいコンテンツ'],
  'INT.FAKE': ['Spam', 'Fake engagement', 'スパム'],
  'REG.SCAM': ['Scam', 'Fraud', '詐欺行為'],
  'MEN.SELF': ['Self-harm', '自傷'],
};

/**
 * The bilingual default taxonomy: six sections and 25 policies, each with a DSA category and the
 * verdicts it allows; two deprecated codes show how replacements work. A fresh copy each call.
 *
 * @example defaultTaxonomy().policies.find((p) => p.code === 'SAF.HATE')?.nameJa // 'ヘイトスピーチ・憎悪的な行為'
 */
export function defaultTaxonomy(): Taxonomy {
  return {
    policies: ROWS.map(([code, parent, nameEn, nameJa, severity, verdicts, dsaCategory, status, replacedBy]) => ({
      code,
      parent,
      nameEn,
      nameJa,
      severity,
      allowedVerdicts: verdicts ? (verdicts.split(' ') as Policy['allowedVerdicts']) : [],
      dsaCategory,
      status: status ?? 'active',
      replacedBy: replacedBy ?? '',
      aliases: [...(ALIASES[code] ?? [])],
    })),
  };
}
