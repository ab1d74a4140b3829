import type { Lang } from '../i18n';
import { t } from '../i18n';
import { COMMAND_LIST } from './registry';
import type { Command, Shortcut } from './types';

/**
 * The manifest's shortcuts JSON (ExtendedOverrides), derived from the registry so a shortcut is
 * written once. Every action is an ExecuteFunction, opening the pane included: the shortcuts file
 * only runs functions associated with Office.actions.associate (P design/keyboard-shortcuts.md,
 * "type": "ExecuteFunction"); a ShowTaskpane action there does nothing.
 *
 * @example shortcutsJson().shortcuts[0] // { action: 'openPane', key: { default: 'Ctrl+Alt+Shift+Q' } }
 */
export function shortcutsJson(lang: Lang = 'en') {
  return {
    actions: COMMAND_LIST.map((c) => ({ id: c.id, type: 'ExecuteFunction' as const, name: t(c.labelKey, {}, lang) })),
    shortcuts: COMMAND_LIST.map((c) => ({ action: c.id, key: { ...c.shortcut } })),
  };
}

/** The keys of a shortcut as a person reads them on this platform. */
export function shortcutText(shortcut: Shortcut, isMac = false): string {
  return isMac && shortcut.mac ? shortcut.mac : shortcut.default;
}

/** The subset of a keyboard event a shortcut needs (the DOM's KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/**
 * Whether a key press is a shortcut: the same data as the manifest, checked in the pane and the workbench.
 *
 * @example matchesShortcut({ key: 'V', ctrlKey: true, altKey: true, shiftKey: true, metaKey: false }, {
 *   default: 'Ctrl+Alt+Shift+V',
 * }) // true
 */
export function matchesShortcut(press: KeyPress, shortcut: Shortcut, isMac = false): boolean {
  const parts = shortcutText(shortcut, isMac)
    .split('+')
    .map((p) => p.trim().toLowerCase());
  const key = parts[parts.length - 1];
  const want = new Set(parts.slice(0, -1));
  const ctrl = want.has('ctrl') || want.has('control');
  const meta = want.has('command') || want.has('cmd') || want.has('meta');
  const alt = want.has('alt') || want.has('option');
  return (
    press.key.toLowerCase() === key &&
    press.ctrlKey === ctrl &&
    press.metaKey === meta &&
    press.altKey === alt &&
    press.shiftKey === want.has('shift')
  );
}

/** The command a key press runs, if any. */
export function commandForKeyPress(press: KeyPress, isMac = false): Command | undefined {
  return COMMAND_LIST.find((c) => matchesShortcut(press, c.shortcut, isMac));
}
