/**
 * The CLI's start: `moderation-qa plan` and `--help` as a user runs them (a new Node process
 * through bin/moderation-qa.js, the compiled CLI), wall time from spawn to exit. Target: under 1 s
 * (issue 10). Builds the compiled CLI first when it is missing or stale, as `npm ci` would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { timeRuns, type BenchContext } from './harness';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'moderation-qa.js');

export async function run(ctx: BenchContext): Promise<void> {
  // Build as `npm ci` does ("prepare"), so the bin runs the compiled CLI rather than its tsx fallback.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'ignore' });
  const runs = ctx.quick ? 3 : 7;
  const timeCommand = (args: string[]) =>
    timeRuns(runs, () => {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`moderation-qa ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }, undefined, 1);
  const plan = await timeCommand(['plan', '--lot', '5000', '--aql', '1.5']);
  ctx.record({ suite: 'cli', name: 'start: plan --lot 5000 --aql 1.5 (new process)', value: plan.median, unit: 'ms', target: { max: 1000 }, note: `first run ${Math.round(plan.first)} ms` });
  const help = await timeCommand(['--help']);
  ctx.record({ suite: 'cli', name: 'start: --help (new process)', value: help.median, unit: 'ms', target: { max: 1000 } });
}
