/** A progress bar on standard error, only on a terminal (scheduled jobs get clean logs). */
import type { Progress } from '../flows/host';
import type { CliContext } from './context';

export function progressBar(ctx: CliContext): Progress | undefined {
  if (!ctx.io.isTTY) return undefined;
  // Loaded here, not at start: help and plan do not need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cliProgress = require('cli-progress') as typeof import('cli-progress');
  let bar: import('cli-progress').SingleBar | undefined;
  return (done, total) => {
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          format: `${ctx.L('cli.progress')} [{bar}] {percentage}% {value}/{total}`,
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}
