/**
 * `moderation-qa sample FILE --batch B [size] [--method …]`: draws a reproducible sample into a new
 * inspection sheet. Options that contradict each other are refused rather than one silently
 * winning, and the plan used is said.
 */
import { Option } from 'commander';
import { AQLS, INSPECTION_LEVELS, type Aql, type InspectionLevel } from '../core/iso2859/planTables';
import { DECISION_FIELDS, type DecisionField } from '../core/model';
import { SAMPLING_METHODS, SAMPLING_UNITS, type SamplingMethod, type SamplingUnit } from '../core/sampling/drawSample';
import type { SampleSize } from '../flows/sampleFlow';
import type { CliCommand, CliContext } from './context';
import { fileCommand, openDecisions, readingOptions, type InputOptions } from './input';
import { planOutput } from './files';
import { addWarehouseOptions, usesWarehouseLazily, warehouseSample } from './warehouse/cliActions';

export interface SampleOptions {
  batch: string;
  method: SamplingMethod;
  n?: string;
  percent?: string;
  level?: InspectionLevel;
  aql?: Aql;
  seed?: string;
  strata?: string;
  quota?: string;
}

const STRATIFIED: SamplingMethod[] = ['stratified_proportional', 'stratified_neyman'];

/**
 * The size, strata and quota the options ask for, or a localized refusal naming the conflict.
 * Pure: tested without a file.
 */
export function sampleSettings(
  o: SampleOptions,
  ctx: CliContext,
): { size: SampleSize; strata?: DecisionField[]; quota?: number; notes: string[] } {
  const notes: string[] = [];
  const given = (flag: string, v: unknown) => (v === undefined ? [] : [flag]);
  const sizes = [
    ...given('--n', o.n),
    ...given('--percent', o.percent),
    ...(o.level !== undefined || o.aql !== undefined ? ['--level/--aql'] : []),
  ];
  if (sizes.length > 1)
    throw ctx.fail('cli.error.conflict', { a: sizes[0], b: sizes[1], why: ctx.L('cli.why.oneSize') });
  if (o.method === 'moderator_quota') {
    if (sizes.length)
      throw ctx.fail('cli.error.conflict', {
        a: '--method moderator_quota',
        b: sizes[0],
        why: ctx.L('cli.why.quotaSize'),
      });
    if (o.quota === undefined) throw ctx.fail('cli.error.quotaNeeded');
  } else if (o.quota !== undefined)
    throw ctx.fail('cli.error.conflict', {
      a: '--quota',
      b: `--method ${o.method}`,
      why: ctx.L('cli.why.quotaMethod'),
    });
  if (o.strata !== undefined && !STRATIFIED.includes(o.method))
    throw ctx.fail('cli.error.conflict', {
      a: '--strata',
      b: `--method ${o.method}`,
      why: ctx.L('cli.why.strataMethod'),
    });
  let quota: number | undefined;
  if (o.quota !== undefined) {
    quota = Number(o.quota);
    if (!Number.isInteger(quota) || quota < 1) throw ctx.fail('cli.error.quotaValue', { value: o.quota });
  }
  let strata: DecisionField[] | undefined;
  if (o.strata !== undefined) {
    strata = o.strata
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean) as DecisionField[];
    const unknown = strata.find((f) => !(DECISION_FIELDS as readonly string[]).includes(f));
    if (unknown || !strata.length)
      throw ctx.fail('cli.error.strataField', { field: unknown ?? o.strata, fields: DECISION_FIELDS.join(', ') });
  }
  let size: SampleSize;
  if (o.level !== undefined || o.aql !== undefined) {
    if (o.aql === undefined) throw ctx.fail('cli.error.levelWithoutAql', { level: o.level ?? '' });
    if (o.level === undefined) notes.push(ctx.L('cli.note.defaultLevel'));
    size = { kind: 'iso2859', level: o.level ?? 'II', aql: o.aql };
  } else if (o.percent !== undefined) {
    const percent = Number(o.percent);
    if (!(percent > 0 && percent <= 100)) throw ctx.fail('cli.error.percentValue', { value: o.percent });
    size = { kind: 'percent', percent };
  } else {
    const n = Number(o.n ?? 50);
    if (!(n > 0 && Number.isInteger(n))) throw ctx.fail('cli.error.nValue', { value: o.n ?? '' });
    if (o.n === undefined && o.method !== 'moderator_quota') notes.push(ctx.L('cli.note.defaultN'));
    size = { kind: 'fixed', n };
  }
  return { size, strata, quota, notes };
}

export const sampleCommand: CliCommand = (program, ctx) => {
  addWarehouseOptions(fileCommand(program, 'sample', ctx.L('cli.sample'), ctx), ctx.lang, 'sample')
    .requiredOption('--batch <name>', ctx.L('cli.opt.batch'))
    .addOption(
      new Option('--method <method>', ctx.L('cli.opt.method')).choices([...SAMPLING_METHODS]).default('simple'),
    )
    .option('--n <n>', ctx.L('cli.opt.n'))
    .option('--percent <p>', ctx.L('cli.opt.percent'))
    .addOption(new Option('--level <level>', ctx.L('cli.opt.level')).choices([...INSPECTION_LEVELS]))
    .addOption(new Option('--aql <aql>', ctx.L('cli.opt.aql')).choices([...AQLS]))
    .option('--seed <seed>', ctx.L('cli.opt.seed'))
    .option('--strata <fields>', ctx.L('cli.opt.strata'))
    .option('--quota <k>', ctx.L('cli.opt.quota'))
    .addOption(new Option('--unit <unit>', ctx.L('cli.opt.unit')).choices([...SAMPLING_UNITS]).default('decision'))
    .action(async (file: string, o: InputOptions & SampleOptions & { engine?: string; unit?: SamplingUnit }) => {
      const settings = sampleSettings(o, ctx);
      if (await usesWarehouseLazily(file, o.engine)) {
        // The same --out rules as the sheet path: an .xlsx name, a folder that can be written, not the input.
        planOutput(file, o, ctx);
        for (const note of settings.notes) ctx.note(note);
        return warehouseSample(file, o, settings.size, { lang: ctx.lang, now: ctx.io.now(), out: ctx.io.out });
      }
      const input = await openDecisions(file, o, ctx);
      const { sampleFlow } = await import('../flows/sampleFlow');
      const result = await sampleFlow(input.book.run, {
        batch: o.batch,
        method: o.method,
        size: settings.size,
        seed: o.seed ?? o.batch,
        strata: settings.strata,
        quota: settings.quota,
        unit: o.unit,
        ...readingOptions(input, ctx),
      });
      await input.save();
      const text = [
        ...settings.notes,
        ctx.L('cli.done.sample', {
          batch: result.batch,
          n: result.sampleSize,
          lot: result.lotSize,
          sheet: result.sheet,
        }),
      ];
      if (result.plan)
        text.push(
          ctx.L('cli.note.planUsed', {
            level: settings.size.kind === 'iso2859' ? settings.size.level : '',
            aql: settings.size.kind === 'iso2859' ? settings.size.aql : '',
            letter: result.plan.letter,
            n: result.plan.sampleSize,
            ac: result.plan.accept,
            re: result.plan.reject,
          }),
        );
      const leftOut = (result as { leftOut?: number }).leftOut ?? 0;
      if (leftOut) text.push(ctx.L('cli.note.leftOut', { count: leftOut }));
      text.push(
        input.output.out
          ? ctx.L('cli.wrote', { file: input.output.out })
          : ctx.L('cli.notSaved', { sheet: result.sheet }),
      );
      if (o.json) for (const line of text) ctx.note(line);
      ctx.print(o.json, { ...result, saved: input.output.out ?? null }, text.join('\n'));
    });
};
