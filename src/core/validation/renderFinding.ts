import { cellAddress } from '../a1/cellAddress';
import type { Lang } from '../model';
import type { Finding } from './finding';
import { FINDING_MESSAGES } from './findingMessages';

const LANGUAGE_NAMES: Record<Lang, Record<string, string>> = {
  en: { en: 'English', ja: 'Japanese' },
  ja: { en: '英語', ja: '日本語' },
};

/**
 * A finding as a sentence in the analyst's language, naming the cell and the fix.
 *
 * @example renderFinding({ row: 12, column: 2, field: 'verdict', code: 'unknown_verdict', severity: 'error', params: { value: 'ok?' } }, 'en', 'Decisions')
 * // 'Decisions!C12: "ok?" is not a verdict. Use one of approve, remove, …'
 * Invalid input: a placeholder without a param is left as written ({name}), never dropped silently.
 */
export function renderFinding(finding: Finding, lang: Lang, sheet?: string, cellLabel?: string): string {
  const template = FINDING_MESSAGES[finding.code][lang];
  // A lot read outside Excel (the warehouse path) may name rows past a sheet's last one: it gives its own label.
  const cell = cellLabel ?? cellAddress(finding.row, finding.column, finding.sheet ?? sheet);
  const params: Record<string, string | number> = { ...finding.params, cell };
  if (finding.code.endsWith('unknown_policy')) {
    params.hint = finding.suggestion ? (lang === 'ja' ? `「${finding.suggestion}」のことですか？` : ` Did you mean "${finding.suggestion}"?`) : '';
  }
  if (typeof params.language === 'string') params.language = LANGUAGE_NAMES[lang][params.language] ?? params.language;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
