import { createContext, useContext } from 'react';
import type { Lang } from '../../i18n';
import { t as translate, type MessageKey } from '../../i18n';

export const LanguageContext = createContext<Lang>('en');

/** The pane's translator for the current language: `t('page.map')`. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const lang = useContext(LanguageContext);
  return (key, params) => translate(key, params, lang);
}
