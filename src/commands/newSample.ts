import type { Command } from './types';

export const newSample: Command = {
  id: 'newSample',
  labelKey: 'command.newSample.label',
  tooltipKey: 'command.newSample.tooltip',
  shortcut: { default: 'Ctrl+Alt+Shift+S' },
  // A sample needs choices (method, size, seed): in the shared runtime a function shows the
  // pane and turns it to the Sample page (a second ShowTaskpane would need its own page URL).
  kind: 'ExecuteFunction',
  ribbon: true,
  run: (context) => context.showPane('sample'),
};
