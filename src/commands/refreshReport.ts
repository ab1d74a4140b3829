import type { Command } from './types';

export const refreshReport: Command = {
  id: 'refreshReport',
  labelKey: 'command.refreshReport.label',
  tooltipKey: 'command.refreshReport.tooltip',
  shortcut: { default: 'Ctrl+Alt+Shift+R' },
  kind: 'ExecuteFunction',
  ribbon: true,
  run: (context) => context.showPane('report', { start: true }),
};
