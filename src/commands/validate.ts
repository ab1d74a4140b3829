import type { Command } from './types';

export const validate: Command = {
  id: 'validate',
  labelKey: 'command.validate.label',
  tooltipKey: 'command.validate.tooltip',
  shortcut: { default: 'Ctrl+Alt+Shift+V' },
  kind: 'ExecuteFunction',
  ribbon: true,
  // The validate flow reports into the pane's Validate page, so the command brings that page up.
  run: (context) => context.showPane('validate', { start: true }),
};
