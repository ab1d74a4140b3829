import type { Lang } from '../i18n';
import type { MessageKey } from '../i18n';

/** Every command, by id: the ribbon, the shortcuts and the workbench toolbar route here. */
export const COMMAND_IDS = ['openPane', 'validate', 'newSample', 'refreshReport', 'nextItem', 'showTrends'] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** Where a command was started from (kept for messages and tests, as Excalidraw tags its actions). */
export type CommandSource = 'ribbon' | 'shortcut' | 'toolbar';

/** The pages of the task pane. */
export const PAGE_IDS = ['map', 'validate', 'sample', 'inspect', 'report', 'trends'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** A key combination in Office's shortcut syntax ("Ctrl+Alt+Shift+V"); `mac` when it differs. */
export interface Shortcut {
  default: string;
  mac?: string;
}

/** What a command may do; each host (Office, the workbench, the CLI) provides it. */
export interface CommandContext {
  lang: Lang;
  /** Shows the task pane, on a page when one is given; `start` also runs the page's main action (Validate, Refresh). */
  showPane(page?: PageId, options?: { start?: boolean }): Promise<void>;
  /** Moves the inspection to the next pending item (the Inspect page provides it while open). */
  nextPendingItem?(): Promise<void>;
}

export interface Command {
  id: CommandId;
  labelKey: MessageKey;
  tooltipKey: MessageKey;
  shortcut: Shortcut;
  /** How the manifest declares it: a ribbon button that opens the pane, or a function run in the shared runtime. */
  kind: 'ShowTaskpane' | 'ExecuteFunction';
  /** Shown on the ribbon (nextItem is a shortcut only). */
  ribbon: boolean;
  run(context: CommandContext, source: CommandSource): Promise<void>;
}
