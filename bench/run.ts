/**
 * `npm run bench [-- --json] [-- --quick] [-- --only core,emulator,fidelity]`: runs every bench/*.bench.ts
 * and prints one table (or JSON with --json, also written to bench-results/bench.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchContext, BenchFigure } from './harness';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const only = onlyArg ? (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1] ?? '').split(',') : null;
  const figures: BenchFigure[] = [];
  const ctx: BenchContext = {
    quick,
    record(figure) {
      figures.push(figure);
      if (!json) {
        const met = figure.target && figure.value <= figure.target.max ? ', met' : ', MISSED';
        const target = figure.target ? `  (target ≤ ${figure.target.max} ${figure.unit}${met})` : '';
        const note = figure.note ? `  — ${figure.note}` : '';
        const value = formatValue(figure.value).padStart(12);
        console.log(`${figure.suite.padEnd(10)} ${figure.name.padEnd(58)} ${value} ${figure.unit}${target}${note}`);
      }
    },
  };
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    const suite = file.replace('.bench.ts', '');
    if (only && !only.includes(suite)) continue;
    const mod = (await import(path.join(__dirname, file))) as { run(ctx: BenchContext): Promise<void> };
    await mod.run(ctx);
  }
  if (json) {
    const out = JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2);
    fs.mkdirSync(path.join(__dirname, '..', 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', 'bench-results', 'bench.json'), out);
    console.log(out);
  }
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
