import type { Command } from './types';

/** The lead's view: trends across batches, switching states, coaching sheets and disputes. */
export const showTrends: Command = {
  id: 'showTrends',
  labelKey: 'command.showTrends.label',
  tooltipKey: 'command.showTrends.tooltip',
  shortcut: { default: 'Ctrl+Alt+Shift+T' },
  kind: 'ExecuteFunction',
  ribbon: true,
  // Opens the Trends page and builds QA Trends at once (it only reads the inspection sheets).
  run: (context) => context.showPane('trends', { start: true }),
};
