/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CATALOGS } from '../i18n';
import { App } from './App';
import type { PaneHost } from './host';

function host(lang: 'en' | 'ja' = 'en'): PaneHost {
  return {
    kind: 'workbench',
    runner: () => Promise.reject(new Error('no workbook in this test')),
    displayLanguage: lang,
    theme: 'light',
    openUrl: () => undefined,
    selectCell: async () => undefined,
    showPane: async () => undefined,
  };
}

// Strings that read the same in both languages (the language names in the switch).
const SAME_IN_BOTH = new Set([CATALOGS.en['app.language.en'], CATALOGS.en['app.language.ja']]);

function visibleText(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) texts.push(n.textContent.trim());
  return texts;
}

test('the shell renders in English with its five steps and the Map empty state', async () => {
  render(<App host={host('en')} />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Moderation QA');
  const tablist = screen.getByRole('tablist');
  expect(within(tablist).getAllByRole('tab')).toHaveLength(5);
  for (const name of ['Map', 'Validate', 'Sample', 'Inspect', 'Report']) expect(within(tablist).getByRole('tab', { name })).toBeTruthy();
  expect(await screen.findByText(CATALOGS.en['empty.map.title'])).toBeTruthy();
});

test('the shell renders in Japanese when Office speaks Japanese, and opens the page it is asked for', async () => {
  render(<App host={host('ja')} initialPage="sample" />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('モデレーション QA');
  expect(await screen.findByText(CATALOGS.ja['empty.sample.title'])).toBeTruthy();
});

test('switching the language re-renders every visible string', async () => {
  render(<App host={host('en')} />);
  await screen.findByText(CATALOGS.en['empty.map.title']);
  const before = visibleText().filter((s) => !SAME_IN_BOTH.has(s));
  expect(before.length).toBeGreaterThan(8);
  fireEvent.click(screen.getByRole('combobox', { name: 'Language' }));
  fireEvent.click(await screen.findByRole('option', { name: '日本語' }));
  await screen.findByText(CATALOGS.ja['empty.map.title']);
  const after = visibleText();
  const englishValues = new Set(Object.values(CATALOGS.en).filter((s) => !SAME_IN_BOTH.has(s)));
  expect(after.filter((s) => englishValues.has(s))).toEqual([]);
  expect(after).toContain('マッピング');
});

test('clicking a step shows its empty state', async () => {
  render(<App host={host('en')} />);
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Report' }));
  });
  expect(await screen.findByText(CATALOGS.en['empty.report.title'])).toBeTruthy();
});
