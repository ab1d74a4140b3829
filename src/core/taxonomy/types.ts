import type { Severity, Verdict } from '../model';

/** EU DSA Transparency Database statement categories (without the STATEMENT_CATEGORY_ prefix). */
export const DSA_CATEGORIES = [
  'ANIMAL_WELFARE',
  'CONSUMER_INFORMATION',
  'CYBER_VIOLENCE',
  'CYBER_VIOLENCE_AGAINST_WOMEN',
  'DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'ILLEGAL_OR_HARMFUL_SPEECH',
  'INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'NOT_SPECIFIED_NOTICE',
  'OTHER_VIOLATION_TC',
  'PROTECTION_OF_MINORS',
  'RISK_FOR_PUBLIC_SECURITY',
  'SCAMS_AND_FRAUD',
  'SELF_HARM',
  'UNSAFE_AND_PROHIBITED_PRODUCTS',
  'VIOLENCE',
] as const;
export type DsaCategory = (typeof DSA_CATEGORIES)[number];

/** One policy (or a section, when `parent` is empty) of the taxonomy in use. */
export interface Policy {
  code: string;
  /** The section this policy belongs to; `''` for a section itself. */
  parent: string;
  nameEn: string;
  nameJa: string;
  severity: Severity;
  /** Verdicts a moderator may give under this policy (approve never names a policy). */
  allowedVerdicts: Verdict[];
  dsaCategory: DsaCategory | '';
  status: 'active' | 'deprecated';
  /** For a deprecated policy: the code that replaces it. */
  replacedBy: string;
  /**
   * Other names a team writes for this policy (either language): matched like its names. In the
   * `QA Taxonomy` sheet, one cell separated by ";" (or "；", or a line break). An alias two
   * policies share belongs to the first.
   */
  aliases?: string[];
}

export interface Taxonomy {
  policies: Policy[];
}
