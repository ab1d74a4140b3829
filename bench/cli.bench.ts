/**
 * The CLI's start: `moderation-qa plan` and `--help` as a user runs them (a new Node process
 * through bin/moderation-qa.js, the compiled CLI), wall time from spawn to exit. Target: under 1 s
 * (issue 10). Builds the compiled CLI first when it is missing or stale, as `npm ci` would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timeRuns, type BenchContext } from './harness';

const root = path.join(__dirname, '..');

/**
 * CPU seconds of this process's finished children (user + system, /proc/self/stat cutime + cstime,
 * in clock ticks of 10 ms): on a shared machine the wall time also counts waiting for a core, the
 * CPU time is what the start itself costs. Undefined where /proc is absent.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = fs
      .readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // After "pid (comm) ", cutime and cstime are fields 14 and 15 (0-based 13, 14).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}
const bin = path.join(root, 'bin', 'moderation-qa.js');

export async function run(ctx: BenchContext): Promise<void> {
  // Build as `npm ci` does ("prepare"), so the bin runs the compiled CLI rather than its tsx fallback.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'ignore' });
  const runs = ctx.quick ? 3 : 7;
  const timeCommand = async (args: string[]) => {
    const cpu: number[] = [];
    const wall = await timeRuns(
      runs,
      () => {
        const before = childrenCpuMs();
        const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
        const after = childrenCpuMs();
        if (r.status !== 0) throw new Error(`moderation-qa ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
        if (before !== undefined && after !== undefined) cpu.push(after - before);
      },
      undefined,
      1,
    );
    // The warm-up run is left out, as timeRuns leaves it out of the wall median.
    const timed = cpu.slice(1).sort((a, b) => a - b);
    return { ...wall, cpu: timed.length ? timed[Math.floor(timed.length / 2)] : undefined };
  };
  const runsNote = `median of ${runs} runs after one warm-up${ctx.quick ? ' (--quick: 3 runs, not 7)' : ''}`;
  const plan = await timeCommand(['plan', '--lot', '5000', '--aql', '1.5']);
  ctx.record({
    suite: 'cli',
    name: 'start: plan --lot 5000 --aql 1.5 (new process)',
    value: plan.median,
    unit: 'ms',
    target: { max: 1000 },
    note: `wall, spawn to exit; ${runsNote}; first run ${Math.round(plan.first)} ms`,
  });
  if (plan.cpu !== undefined)
    ctx.record({
      suite: 'cli',
      name: 'start: plan --lot 5000 --aql 1.5, CPU (user + system)',
      value: plan.cpu,
      unit: 'ms',
      target: { max: 1000 },
      note: 'what the start costs, without the wait for a core on a loaded machine',
    });
  const help = await timeCommand(['--help']);
  ctx.record({
    suite: 'cli',
    name: 'start: --help (new process)',
    value: help.median,
    unit: 'ms',
    target: { max: 1000 },
    note: `wall; ${runsNote}`,
  });
  if (help.cpu !== undefined)
    ctx.record({
      suite: 'cli',
      name: 'start: --help, CPU (user + system)',
      value: help.cpu,
      unit: 'ms',
      target: { max: 1000 },
    });
}
