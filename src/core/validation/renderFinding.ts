import { cellAddress } from '../../excelSpec';
import type { Lang } from '../model';
import type { Finding } from './finding';
import { FINDING_MESSAGES } from './findingMessages';

const LANGUAGE_NAMES: Record<Lang, Record<string, string>> = {
  en: { en: 'English', ja: 'Japanese' },
  ja: { en: '英語', ja: '日本語' },
};

/** Verdict codes as a Japanese reader knows them (the same words parseVerdict accepts). */
const VERDICT_NAMES_JA: Record<string, string> = { approve: '承認', remove: '削除', age_restrict: '年齢制限', fyf_ineligible: 'おすすめ対象外', escalate: 'エスカレーション' };

/** Param names that hold a policy code or a verdict code. */
const POLICY_PARAMS = ['policy', 'replacement'] as const;
const VERDICT_PARAMS = ['verdict', 'otherVerdict'] as const;

export interface RenderFindingOptions {
  /** A policy's name in a language, for a code the taxonomy knows (undefined otherwise). */
  policyName?: (code: string, lang: Lang) => string | undefined;
}

/**
 * A finding as a sentence in the analyst's language, naming the cell and the fix. In Japanese, a
 * policy code the taxonomy knows is shown with its name (嫌がらせ・いじめ（SAF.HARASS）) and a
 * verdict code as its Japanese word, so no message quotes an internal code alone.
 *
 * @example renderFinding({ row: 12, column: 2, field: 'verdict', code: 'unknown_verdict', severity: 'error', params: { value: 'ok?' } }, 'en', 'Decisions')
 * // 'Decisions!C12: "ok?" is not a verdict. Use one of approve, remove, …'
 * Invalid input: a placeholder without a param is left as written ({name}), never dropped silently.
 */
export function renderFinding(finding: Finding, lang: Lang, sheet?: string, cellLabel?: string, options: RenderFindingOptions = {}): string {
  const template = FINDING_MESSAGES[finding.code][lang];
  // A lot read outside Excel (the warehouse path) may name rows past a sheet's last one: it gives its own label.
  const cell = cellLabel ?? cellAddress(finding.row, finding.column, finding.sheet ?? sheet);
  const params: Record<string, string | number> = { ...finding.params, cell };
  const named = (code: string) => {
    const name = lang === 'ja' ? options.policyName?.(code, lang) : undefined;
    return name && name !== code ? `${name}（${code}）` : code;
  };
  if (lang === 'ja') {
    for (const k of POLICY_PARAMS) if (typeof params[k] === 'string') params[k] = named(params[k] as string);
    for (const k of VERDICT_PARAMS) if (typeof params[k] === 'string') params[k] = VERDICT_NAMES_JA[params[k] as string] ?? params[k];
    if (finding.code === 'deprecated_policy' && typeof params.value === 'string') params.value = named(params.value);
    if (typeof params.allowed === 'string') params.allowed = params.allowed.split(/,\s*/u).map((v) => VERDICT_NAMES_JA[v.trim()] ?? v).join('、');
  }
  if (finding.code.endsWith('unknown_policy')) {
    params.hint = finding.suggestion ? (lang === 'ja' ? `「${named(finding.suggestion)}」のことですか？` : ` Did you mean "${finding.suggestion}"?`) : '';
  }
  if (typeof params.language === 'string') params.language = LANGUAGE_NAMES[lang][params.language] ?? params.language;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
