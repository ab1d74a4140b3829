import type { Lang } from './lang';
import { en, type MessageKey } from './en';
import { ja } from './ja';

export type { MessageKey };
export { LANGUAGES, type Lang } from './lang';
export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, ja };

/**
 * A UI message in a language, with `{name}` parameters filled in.
 *
 * @example t('command.shortcut', { keys: 'Ctrl+Alt+Shift+V' }, 'ja') // 'ショートカット：Ctrl+Alt+Shift+V'
 * A parameter that is not given stays as written ({name}), so a gap is visible, never silent.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}, lang: Lang = 'en'): string {
  const fill = (whole: string, name: string) => (name in params ? String(params[name]) : whole);
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, fill);
}

/**
 * The add-in's language from Office's display language (ja, ja-JP → Japanese; anything else → English).
 *
 * @example languageFromLocale('ja-JP') // 'ja'
 */
export function languageFromLocale(locale: string | undefined | null): Lang {
  return locale && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
