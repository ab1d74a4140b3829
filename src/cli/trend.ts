/**
 * `moderation-qa trend FILE` and `moderation-qa coach FILE`: the lead's view, headless; two
 * entries of main.ts's COMMANDS list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommanderError, Option } from 'commander';
import type { CliCommand } from './context';
import { openInput } from './files';
import { fileCommand, openDecisions, type InputOptions } from './input';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `moderation-qa trend FILE`: QA Trends, the slips, the switching states and the next plan. */
export const trendCommand: CliCommand = (program, ctx) => {
  const { lang, L } = ctx;
  fileCommand(program, 'trend', L('cli.trend'), ctx).action(async (file: string, o: InputOptions) => {
    const input = await openDecisions(file, o, ctx);
    const book = input.book;
    // Flows load on use, so --help and the other commands start fast.
    const { trendFlow } = await import('../flows/trendFlow');
    const r = await trendFlow(book.run, { lang });
    const pct = (x: number) => Math.round(x * 10000) / 10000;
    ctx.print(
      o.json,
      {
        sheet: r.sheet,
        batches: r.batches,
        series: r.series.map((s) => ({
          dimension: s.dimension,
          group: s.key,
          points: s.points.map((p) => ({
            batch: p.batch,
            inspected: p.inspected,
            correct: p.correct,
            accuracy: pct(p.accuracy),
            wilson95: p.wilson.map(pct),
          })),
          slip: s.slip ? { from: s.slip.from.batch, to: s.slip.to.batch } : null,
        })),
        flagged: r.flagged.map((s) => ({
          dimension: s.dimension,
          group: s.key,
          from: s.slip!.from.batch,
          to: s.slip!.to.batch,
        })),
        moderators: r.moderators.map((m) => ({
          moderator: m.moderator,
          lots: m.lots.map((x) => x ?? null),
          state: m.state,
          rule: m.rule ?? null,
          since: m.movedAtBatch ?? null,
          reducedEligible: m.reducedEligible,
        })),
        next: { inspection: r.next.inspection, aql: r.next.aql, because: r.next.because.map((m) => m.moderator) },
      },
      [
        L('cli.done.trend', {
          sheet: r.sheet,
          batches: r.batches.length,
          flagged: r.flagged.length,
          inspection: L(`trend.state.${r.next.inspection}`),
        }),
        ...r.flagged.map(
          (s) =>
            `  ${L('trend.flagged', {
              group: s.key,
              dimension: L(`trend.dimension.${s.dimension}`),
              from: `${(s.slip!.from.accuracy * 100).toFixed(1)}%`,
              to: `${(s.slip!.to.accuracy * 100).toFixed(1)}%`,
              fromBatch: s.slip!.from.batch,
              toBatch: s.slip!.to.batch,
            })}`,
        ),
        ...r.moderators
          .filter((m) => m.rule)
          .map(
            (m) =>
              `  ${L('trend.moderatorState', {
                moderator: m.moderator,
                state: L(`trend.state.${m.state}`),
                rule: L(`trend.rule.${m.rule!}`),
              })}`,
          ),
      ].join('\n'),
    );
    await input.save();
  });
};

/** `moderation-qa coach FILE --out …`: coaching sheets, each as its own .xlsx. */
export const coachCommand: CliCommand = (program, ctx) => {
  const { lang, L } = ctx;
  program
    .command('coach')
    .description(L('cli.coach'))
    .argument('<file>', '.xlsx / .csv')
    .option('--moderator <name>', L('cli.opt.moderator'))
    .option('--batch <name>', L('cli.opt.batch'))
    .option('--from <day>', L('cli.opt.from'))
    .option('--to <day>', L('cli.opt.to'))
    .requiredOption('--out <path>', L('cli.opt.coachOut'))
    .option('--json', L('cli.opt.json'))
    .addOption(new Option('--lang <lang>', L('cli.opt.lang')).choices(['en', 'ja']))
    .action(
      async (
        file: string,
        o: { moderator?: string; batch?: string; from?: string; to?: string; out: string; json?: boolean },
      ) => {
        for (const day of [o.from, o.to])
          if (day !== undefined && !DAY.test(day))
            throw new CommanderError(
              2,
              'usage',
              lang === 'ja'
                ? `日付「${day}」は YYYY-MM-DD で指定してください。`
                : `The date "${day}" must be written YYYY-MM-DD.`,
            );
        const { book } = await openInput(file, ctx);
        const [{ coachingFlow }, { exportXlsx }, { sheetAsWorkbook }] = await Promise.all([
          import('../flows/coachingFlow'),
          import('../emulator/xlsx'),
          import('../emulator/sheetBook'),
        ]);
        const sheets = await coachingFlow(book.run, {
          moderator: o.moderator,
          batch: o.batch,
          from: o.from,
          to: o.to,
          lang,
        });
        // One moderator: --out is the file; every moderator: --out is a folder, one file each.
        const single = Boolean(o.moderator) && o.out.toLowerCase().endsWith('.xlsx');
        if (!single) fs.mkdirSync(o.out, { recursive: true });
        const written: { moderator: string; file: string; errors: number }[] = [];
        for (const s of sheets) {
          const target = single
            ? o.out
            : path.join(o.out, `coach-${s.moderator.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.xlsx`);
          fs.writeFileSync(target, await exportXlsx(sheetAsWorkbook(book.model, s.sheet)));
          written.push({ moderator: s.moderator, file: target, errors: s.errors });
        }
        ctx.print(
          o.json,
          written,
          written
            .map((w) => L('cli.done.coach', { file: w.file, errors: w.errors, moderator: w.moderator }))
            .join('\n'),
        );
      },
    );
};
