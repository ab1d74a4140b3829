import { executeCommand } from '../commands/registry';
import { commandForKeyPress, type KeyPress } from '../commands/shortcuts';
import type { CommandContext } from '../commands/types';

/**
 * The registry's shortcuts, handled by the pane itself while it has the focus. In Excel on the
 * web, keys pressed in a focused task pane stay in the pane's frame and do not reach Office's
 * shortcut handling (P design/keyboard-shortcuts.md, Prerequisites: on the web "the shortcuts
 * might not work if they're activated from the add-in's task pane"), so the pane matches them
 * against the same registry data the manifest's shortcuts file comes from. Returns how to stop.
 */
export function handlePaneShortcuts(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  context: () => CommandContext,
  isMac = false,
): () => void {
  const onKey = (e: Event) => {
    const command = commandForKeyPress(e as unknown as KeyPress, isMac);
    if (!command) return;
    e.preventDefault();
    void executeCommand(command.id, 'shortcut', context());
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
