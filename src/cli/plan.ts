/** `moderation-qa plan --lot N --aql A [--level L]`: the ISO 2859-1 single sampling plan, no file. */
import { Option } from 'commander';
import { AQLS, INSPECTION_LEVELS, type Aql, type InspectionLevel } from '../core/iso2859/planTables';
import { samplingPlan } from '../core/iso2859/samplingPlan';
import type { CliCommand } from './context';

export const planCommand: CliCommand = (program, ctx) => {
  program
    .command('plan')
    .description(ctx.L('cli.plan'))
    .requiredOption('--lot <n>', ctx.L('cli.opt.lot'))
    .addOption(new Option('--level <level>', ctx.L('cli.opt.level')).choices([...INSPECTION_LEVELS]).default('II'))
    .addOption(new Option('--aql <aql>', ctx.L('cli.opt.aql')).choices([...AQLS]).makeOptionMandatory())
    .option('--json', ctx.L('cli.opt.json'))
    .addOption(new Option('--lang <lang>', ctx.L('cli.opt.lang')).choices(['en', 'ja']))
    .action((o: { lot: string; level: InspectionLevel; aql: Aql; json?: boolean }) => {
      const lot = Number(o.lot);
      if (!Number.isInteger(lot) || lot < 2) throw ctx.fail('cli.error.lotValue', { value: o.lot });
      const plan = samplingPlan({ lotSize: lot, level: o.level, aql: o.aql });
      ctx.print(
        o.json,
        { lot, level: o.level, aql: o.aql, ...plan },
        ctx.L(plan.inspectAll ? 'cli.done.planAll' : 'cli.done.plan', {
          lot,
          level: o.level,
          aql: o.aql,
          letter: plan.letter,
          n: plan.sampleSize,
          ac: plan.accept,
          re: plan.reject,
        }),
      );
    });
};
