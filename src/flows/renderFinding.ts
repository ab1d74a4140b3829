import type { Finding } from '../core/findings/finding';
import { cellAddress } from '../excelSpec';
import { CATALOGS, t, type Lang, type MessageKey } from '../i18n';

/** Param names that hold a policy code or a verdict code. */
const POLICY_PARAMS = ['policy', 'replacement'] as const;
const VERDICT_PARAMS = ['verdict', 'otherVerdict'] as const;

export interface RenderFindingOptions {
  /** A policy's name in a language, for a code the taxonomy knows (undefined otherwise). */
  policyName?: (code: string, lang: Lang) => string | undefined;
}

/** A catalog key, when the catalog has it (a verdict or a language code the finding quotes). */
const keyed = (key: string, lang: Lang, fallback: string) =>
  key in CATALOGS.en ? t(key as MessageKey, {}, lang) : fallback;

/**
 * A finding as a sentence in the analyst's language, naming the cell and the fix; the sentence is
 * the catalog's `finding.<code>`. In Japanese, a policy code the taxonomy knows is shown with its
 * name (嫌がらせ・いじめ（SAF.HARASS）) and a verdict code as its Japanese word, so no message quotes
 * an internal code alone.
 *
 * @example renderFinding({ row: 12, column: 2, field: 'verdict', code:
 *   'unknown_verdict', severity: 'error', params: { value: 'ok?' } }, 'en', 'Decisions')
 * // 'Decisions!C12: "ok?" is not a verdict. Use one of approve, remove, …'
 * Invalid input: a placeholder without a param is left as written ({name}), never dropped silently.
 */
export function renderFinding(
  finding: Finding,
  lang: Lang,
  sheet?: string,
  cellLabel?: string,
  options: RenderFindingOptions = {},
): string {
  // A lot read outside Excel (the warehouse path) may name rows past a sheet's last one: it gives its own label.
  const cell = cellLabel ?? cellAddress(finding.row, finding.column, finding.sheet ?? sheet);
  const params: Record<string, string | number> = { ...finding.params, cell };
  const named = (code: string) => {
    const name = lang === 'ja' ? options.policyName?.(code, lang) : undefined;
    return name && name !== code ? `${name}（${code}）` : code;
  };
  const verdictWord = (v: string) => keyed(`verdict.${v}`, 'ja', v);
  if (lang === 'ja') {
    for (const k of POLICY_PARAMS) if (typeof params[k] === 'string') params[k] = named(params[k] as string);
    for (const k of VERDICT_PARAMS) if (typeof params[k] === 'string') params[k] = verdictWord(params[k] as string);
    if (finding.code === 'deprecated_policy' && typeof params.value === 'string') params.value = named(params.value);
    if (typeof params.allowed === 'string')
      params.allowed = params.allowed
        .split(/,\s*/u)
        .map((v) => verdictWord(v.trim()))
        .join('、');
  }
  if (finding.code.endsWith('unknown_policy')) {
    const suggestion = finding.suggestion && (lang === 'ja' ? named(finding.suggestion) : finding.suggestion);
    params.hint = suggestion ? t('findingHint.didYouMean', { suggestion }, lang) : '';
  }
  if (typeof params.language === 'string')
    params.language = keyed(`languageName.${params.language}`, lang, params.language);
  return t(`finding.${finding.code}`, params, lang);
}

/** A finding rule's short name, for counts and filters (the full message names the cell and the fix). */
export function findingTitle(code: Finding['code'], lang: Lang): string {
  return t(`findingTitle.${code}`, {}, lang);
}
