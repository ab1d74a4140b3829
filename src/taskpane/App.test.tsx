/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook, type EmulatedWorkbook } from '../emulator';
import { CATALOGS } from '../i18n';
import { workbenchHost } from '../workbench/workbenchHost';
import { App } from './App';
import type { PaneHost } from './host';
import { PaneController } from './paneController';

// The pane's batches go through Microsoft's Office.js client to the embedded workbook: a page's
// first answer can take more than testing-library's default second on a loaded machine.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no ResizeObserver (Fluent's tables use one); layout is not what these tests check.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// The pane runs against the embedded workbook, as in the workbench: an empty one unless a test adds sheets.
function host(lang: 'en' | 'ja' = 'en', book: EmulatedWorkbook = createWorkbook()): PaneHost {
  return workbenchHost(book, { lang, openWindow: () => undefined });
}

function decisionsBook(rows = 60): EmulatedWorkbook {
  const book = createWorkbook();
  const sheet = book.addSheet('Decisions', generateDecisions({ rows, seed: 5, now: Date.UTC(2026, 10, 24) }));
  book.model.activeSheet = sheet;
  return book;
}

// Strings that read the same in both languages (the language names in the switch).
const SAME_IN_BOTH = new Set([CATALOGS.en['app.language.en'], CATALOGS.en['app.language.ja']]);

function visibleText(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) texts.push(n.textContent.trim());
  return texts;
}

test(
  'the shell renders in English with its five steps ' + 'and the lead’s Trends page and the Map empty state',
  async () => {
    render(<App host={host('en')} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Moderation QA');
    const tablist = screen.getByRole('tablist');
    expect(within(tablist).getAllByRole('tab')).toHaveLength(6);
    for (const name of ['Map', 'Validate', 'Sample', 'Inspect', 'Report', 'Trends'])
      expect(within(tablist).getByRole('tab', { name })).toBeTruthy();
    expect(await screen.findByText(CATALOGS.en['empty.map.title'])).toBeTruthy();
  },
);

test('the shell renders in Japanese when Office speaks Japanese, and opens the page it is asked for', async () => {
  render(<App host={host('ja')} initialPage="report" />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('モデレーション QA');
  expect(await screen.findByText(CATALOGS.ja['empty.report.title'])).toBeTruthy();
});

test('Map shows the detected columns of the active sheet and keeps the confirmed mapping in the workbook', async () => {
  const book = decisionsBook();
  render(<App host={host('en', book)} />);
  expect(await screen.findByText('Decisions sheet: Decisions (header in row 1)')).toBeTruthy();
  expect((screen.getByLabelText(/^Verdict/) as HTMLSelectElement).value).toBe('2');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Confirm mapping' }));
  });
  expect(await screen.findByText(CATALOGS.en['map.confirmed'])).toBeTruthy();
  expect(book.valuesOf('QA Settings')[1][0]).toBe('mapping:Decisions');
  // The decisions sheet itself is untouched.
  expect(book.valuesOf('Decisions')).toEqual(generateDecisions({ rows: 60, seed: 5, now: Date.UTC(2026, 10, 24) }));
});

test('a ribbon Validate validates at once; a finding, clicked, selects its cell', async () => {
  const book = decisionsBook(200);
  const controller = new PaneController();
  render(<App host={host('en', book)} controller={controller} />);
  await screen.findByText('Decisions sheet: Decisions (header in row 1)');
  await act(async () => {
    await controller.commandContext('en', async () => undefined).showPane('validate', { start: true });
  });
  expect(await screen.findByText(/200 decisions checked in "Decisions"/, {}, { timeout: 5000 })).toBeTruthy();
  const finding = (await screen.findAllByRole('button', { name: /^Decisions!|^'Decisions'!/ }))[0];
  const cell = /^'?Decisions'?!([A-Z]+)(\d+)/.exec(finding.textContent ?? '');
  expect(cell).not.toBeNull();
  await act(async () => {
    fireEvent.click(finding);
  });
  expect(book.model.selection?.sheet.name).toBe('Decisions');
  expect(book.model.selection?.rect.row).toBe(Number(cell![2]) - 1);
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

test('a failure shows as a localized message bar, never a stack trace', async () => {
  // An empty workbook: Map cannot find a sheet with decisions.
  render(<App host={host('ja')} />);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/完了できませんでした/);
  expect(alert.textContent).not.toMatch(/at \w+ \(|Error:/);
});
