/** `moderation-qa validate FILE`: every decision checked; the findings printed as a table (capped), or as JSON. */
import type { CliCommand } from './context';
import { csvFindings, fileCommand, findingsTable, openDecisions, readingOptions, type InputOptions } from './input';
import { addWarehouseOptions, usesWarehouseLazily, warehouseValidate } from './warehouse/cliActions';

export const validateCommand: CliCommand = (program, ctx) => {
  addWarehouseOptions(fileCommand(program, 'validate', ctx.L('cli.validate'), ctx), ctx.lang, 'validate')
    .option('--strict', ctx.L('cli.opt.strict'))
    .option('--limit <n>', ctx.L('cli.opt.limit'), '20')
    .action(
      async (
        file: string,
        o: InputOptions & { strict?: boolean; limit: string; engine?: string; perRule?: string; taxonomy?: string },
      ) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 0) throw ctx.fail('cli.error.limitValue', { value: o.limit });
        // Parquet and big lots go through DuckDB (issue 16's warehouse path).
        if (await usesWarehouseLazily(file, o.engine)) {
          if (
            (await warehouseValidate(file, o, { lang: ctx.lang, now: ctx.io.now(), out: ctx.io.out })) > 0 &&
            o.strict
          )
            ctx.setExit(1);
          return;
        }
        const input = await openDecisions(file, o, ctx);
        const { validateFlow } = await import('../flows/validateFlow');
        const result = await validateFlow(input.book.run, readingOptions(input, ctx));
        const findings = [
          ...csvFindings(input.csvIssues, result.sheet, ctx),
          ...result.findings.map((f) => ({
            address: f.address,
            rule: f.code,
            severity: f.severity,
            message: f.message,
            suggestion: f.suggestion ?? null,
          })),
        ];
        await input.save();
        const text = [
          ctx.L('cli.done.validate', { rows: result.rowsChecked, sheet: result.sheet, findings: findings.length }),
        ];
        if (findings.length && limit > 0) text.push(findingsTable(findings, limit, ctx));
        if (input.output.out) text.push(ctx.L('cli.wrote', { file: input.output.out }));
        ctx.print(
          o.json,
          {
            sheet: result.sheet,
            rowsChecked: result.rowsChecked,
            counts: result.counts,
            findings,
            saved: input.output.out ?? null,
          },
          text.join('\n'),
        );
        if (o.strict && findings.length) ctx.setExit(1);
      },
    );
};
