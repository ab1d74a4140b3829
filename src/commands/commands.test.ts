import { CATALOGS } from '../i18n';
import { COMMANDS, COMMAND_LIST, executeCommand } from './registry';
import { commandForKeyPress, matchesShortcut, shortcutsJson } from './shortcuts';
import { COMMAND_IDS, type CommandContext, type PageId } from './types';

function fakeContext() {
  const shown: (PageId | undefined)[] = [];
  const started: (PageId | undefined)[] = [];
  const context: CommandContext = {
    lang: 'en',
    showPane: async (page, options) => {
      shown.push(page);
      if (options?.start) started.push(page);
    },
  };
  return { context, shown, started };
}

test('every command is registered once, with labels and tooltips in both languages', () => {
  expect(COMMAND_LIST.map((c) => c.id)).toEqual([...COMMAND_IDS]);
  for (const c of COMMAND_LIST) {
    expect(COMMANDS[c.id]).toBe(c);
    for (const lang of ['en', 'ja'] as const) {
      expect(CATALOGS[lang][c.labelKey]).toBeTruthy();
      expect(CATALOGS[lang][c.tooltipKey]).toBeTruthy();
    }
  }
});

test('shortcuts are unique and the manifest JSON is derived from the registry', () => {
  const keys = COMMAND_LIST.map((c) => c.shortcut.default.toLowerCase());
  expect(new Set(keys).size).toBe(keys.length);
  const json = shortcutsJson('ja');
  expect(json.actions.map((a) => a.id)).toEqual([...COMMAND_IDS]);
  expect(json.actions.find((a) => a.id === 'validate')).toEqual({
    id: 'validate',
    type: 'ExecuteFunction',
    name: '検証',
  });
  expect(json.shortcuts.find((s) => s.action === 'newSample')?.key.default).toBe('Ctrl+Alt+Shift+S');
});

test('a key press finds its command; near misses do not', () => {
  const press = { key: 'v', ctrlKey: true, altKey: true, shiftKey: true, metaKey: false };
  expect(commandForKeyPress(press)?.id).toBe('validate');
  expect(commandForKeyPress({ ...press, shiftKey: false })).toBeUndefined();
  expect(matchesShortcut({ ...press, key: 'N' }, COMMANDS.nextItem.shortcut)).toBe(true);
});

test('the dispatcher opens the right page for each command', async () => {
  const { context, shown, started } = fakeContext();
  for (const id of COMMAND_IDS) await executeCommand(id, 'ribbon', context);
  expect(shown).toEqual([undefined, 'validate', 'sample', 'report', 'inspect', 'trends']);
  // Validate and Refresh report do their work, not just open the page; New sample waits for the analyst's choices.
  expect(started).toEqual(['validate', 'report', 'trends']);
  let moved = 0;
  await executeCommand('nextItem', 'shortcut', { ...context, nextPendingItem: async () => void moved++ });
  expect(moved).toBe(1);
});
