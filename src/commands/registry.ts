import { nextItem } from './nextItem';
import { newSample } from './newSample';
import { openPane } from './openPane';
import { refreshReport } from './refreshReport';
import { COMMAND_IDS, type Command, type CommandContext, type CommandId, type CommandSource } from './types';
import { showTrends } from './showTrends';
import { validate } from './validate';

/**
 * The one registry: the ribbon, the keyboard shortcuts and the workbench toolbar dispatch through it;
 * the pane and the CLI call the same flows the commands call.
 */
export const COMMANDS: Record<CommandId, Command> = {
  openPane,
  validate,
  newSample,
  refreshReport,
  nextItem,
  showTrends,
};

/** Commands in their display order. */
export const COMMAND_LIST: readonly Command[] = COMMAND_IDS.map((id) => COMMANDS[id]);

/**
 * Runs a command; the one dispatcher behind every surface.
 *
 * @example await executeCommand('newSample', 'ribbon', context) // opens the pane on the Sample page
 */
export async function executeCommand(id: CommandId, source: CommandSource, context: CommandContext): Promise<void> {
  await COMMANDS[id].run(context, source);
}
