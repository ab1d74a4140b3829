import { FINDING_CODES } from '../core/findings/finding';
import { CATALOGS, languageFromLocale, t, type MessageKey } from './index';

test('the Japanese catalog has every English key, none left in English', () => {
  // The compiler checks the keys (ja is Record<MessageKey, string>); this checks the values are translated.
  const same = Object.keys(CATALOGS.en).filter((k) => CATALOGS.ja[k as MessageKey] === CATALOGS.en[k as MessageKey]);
  expect(same).toEqual(['app.language.en', 'app.language.ja']);
  expect(Object.keys(CATALOGS.ja).sort()).toEqual(Object.keys(CATALOGS.en).sort());
});

test('parameters are filled, and a missing one stays visible', () => {
  expect(t('command.shortcut', { keys: 'Ctrl+Alt+Shift+V' }, 'ja')).toBe('ショートカット：Ctrl+Alt+Shift+V');
  expect(t('command.shortcut', {}, 'en')).toBe('Shortcut: {keys}');
});

test("Office's display language picks the catalog", () => {
  expect(languageFromLocale('ja-JP')).toBe('ja');
  expect(languageFromLocale('en-US')).toBe('en');
  expect(languageFromLocale(undefined)).toBe('en');
});

test('every finding code core checks has a message and a title in English and Japanese', () => {
  // Core keeps the codes; the sentences are the catalogs'. A new code without its keys fails here.
  const keys = FINDING_CODES.flatMap((code) => [`finding.${code}`, `findingTitle.${code}`]);
  for (const lang of ['en', 'ja'] as const) {
    const catalog: Record<string, string> = CATALOGS[lang];
    expect(keys.filter((k) => !catalog[k]?.trim())).toEqual([]);
  }
  const stray = Object.keys(CATALOGS.en).filter((k) => /^finding(Title)?\./.test(k) && !keys.includes(k));
  expect(stray).toEqual([]);
});
