/** @jest-environment jsdom */
/**
 * Platform differences the pane must absorb: OpenBrowserWindowApi is absent on Excel on the web
 * (P reference/requirement-sets/common/open-browser-window-api-requirement-sets.md), and keys
 * pressed in a focused task pane do not reach Office's shortcut handling there
 * (P design/keyboard-shortcuts.md, Prerequisites).
 */
import { COMMAND_LIST } from '../commands/registry';
import type { CommandContext, PageId } from '../commands/types';
import { createWorkbook } from '../emulator';
import { openLink } from './host';
import { handlePaneShortcuts } from './paneShortcuts';

test(
  "links open in Office's browser window on Windows and " + 'Mac, in a new tab on the web; never anything but http(s)',
  () => {
    for (const platform of ['windows', 'mac', 'web'] as const) {
      const book = createWorkbook(undefined, { platform });
      const windows: string[] = [];
      const tabs: string[] = [];
      const how = openLink(
        'https://example.com/v/1',
        book.requirements,
        (u) => windows.push(u),
        (u) => tabs.push(u),
      );
      expect(how).toBe(platform === 'web' ? 'tab' : 'window');
      expect([...windows, ...tabs]).toEqual(['https://example.com/v/1']);
      expect(
        openLink(
          'javascript:alert(1)',
          book.requirements,
          (u) => windows.push(u),
          (u) => tabs.push(u),
        ),
      ).toBeUndefined();
    }
  },
);

test("the pane runs the registry's shortcuts itself, from the registry's own key data", async () => {
  const shown: (PageId | undefined)[] = [];
  const context: CommandContext = { lang: 'en', showPane: async (page) => void shown.push(page) };
  const stop = handlePaneShortcuts(window, () => context);
  const press = (combo: string) => {
    const parts = combo.split('+');
    const key = parts[parts.length - 1];
    window.dispatchEvent(
      new KeyboardEvent('keydown', {
        key,
        ctrlKey: parts.includes('Ctrl'),
        altKey: parts.includes('Alt'),
        shiftKey: parts.includes('Shift'),
        cancelable: true,
      }),
    );
  };
  for (const command of COMMAND_LIST) press(command.shortcut.default);
  press('Ctrl+Alt+X'); // not a shortcut: nothing runs
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(shown).toEqual([undefined, 'validate', 'sample', 'report', 'inspect', 'trends']);
  stop();
  press(COMMAND_LIST[1].shortcut.default);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(shown).toHaveLength(6);
});
