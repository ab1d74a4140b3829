import type { Command } from './types';

export const openPane: Command = {
  id: 'openPane',
  labelKey: 'command.openPane.label',
  tooltipKey: 'command.openPane.tooltip',
  shortcut: { default: 'Ctrl+Alt+Shift+Q' },
  kind: 'ShowTaskpane',
  ribbon: true,
  run: (context) => context.showPane(),
};
