/** `moderation-qa validate FILE`: every decision checked; the findings printed as a table (capped), or as JSON. */
import type { CliCommand } from './context';
import { csvFindings, fileCommand, findingsTable, openDecisions, type InputOptions } from './input';
import { progressBar } from './progress';

export const validateCommand: CliCommand = (program, ctx) => {
  fileCommand(program, 'validate', ctx.L('cli.validate'), ctx)
    .option('--strict', ctx.L('cli.opt.strict'))
    .option('--limit <n>', ctx.L('cli.opt.limit'), '20')
    .action(async (file: string, o: InputOptions & { strict?: boolean; limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 0) throw ctx.fail('cli.error.limitValue', { value: o.limit });
      const input = await openDecisions(file, o, ctx);
      const { validateFlow } = await import('../excel/validateFlow');
      const result = await validateFlow(input.book.run, { sheet: input.sheet, mapping: input.mapping, lang: ctx.lang, now: ctx.io.now(), progress: progressBar(ctx) });
      const findings = [
        ...csvFindings(input.csvIssues, result.sheet, ctx),
        ...result.findings.map((f) => ({ address: f.address, rule: f.code, severity: f.severity, message: f.message, suggestion: f.suggestion ?? null })),
      ];
      await input.save();
      const text = [ctx.L('cli.done.validate', { rows: result.rowsChecked, sheet: result.sheet, findings: findings.length })];
      if (findings.length && limit > 0) text.push(findingsTable(findings, limit, ctx));
      if (input.output.out) text.push(ctx.L('cli.wrote', { file: input.output.out }));
      ctx.print(o.json, { sheet: result.sheet, rowsChecked: result.rowsChecked, counts: result.counts, findings, saved: input.output.out ?? null }, text.join('\n'));
      if (o.strict && findings.length) ctx.setExit(1);
    });
};
