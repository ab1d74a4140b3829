import { COMMAND_LIST, executeCommand } from './registry';
import type { CommandContext } from './types';

/**
 * Registers every command with Office (shared runtime), so ribbon buttons and keyboard shortcuts
 * run the same registry entries as the pane — openPane too: its ribbon button is a ShowTaskpane
 * control, but its shortcut is an ExecuteFunction action (shortcutsJson). Office passes an event
 * for ribbon clicks that must be completed; shortcuts pass none.
 */
export function associateCommands(makeContext: () => CommandContext): string[] {
  const ids: string[] = [];
  for (const command of COMMAND_LIST) {
    Office.actions.associate(command.id, async (event?: Office.AddinCommands.Event) => {
      try {
        await executeCommand(command.id, event ? 'ribbon' : 'shortcut', makeContext());
      } finally {
        event?.completed();
      }
    });
    ids.push(command.id);
  }
  return ids;
}
