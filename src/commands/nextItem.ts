import type { Command } from './types';

export const nextItem: Command = {
  id: 'nextItem',
  labelKey: 'command.nextItem.label',
  tooltipKey: 'command.nextItem.tooltip',
  shortcut: { default: 'Ctrl+Alt+Shift+N' },
  kind: 'ExecuteFunction',
  ribbon: false,
  run: async (context) => {
    if (context.nextPendingItem) await context.nextPendingItem();
    else await context.showPane('inspect');
  },
};
