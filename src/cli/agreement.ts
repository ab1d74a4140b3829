/**
 * `moderation-qa agreement FILE [--json]`: agreement between the judgments of items judged more
 * than once (several moderators, annotators or queues) on a decisions sheet — the same figures as
 * the `QA Agreement` sheet, which --out writes into a copy of the workbook.
 */
import { CommanderError } from 'commander';
import type { Coefficient } from '../core/stats/agreementReport';
import type { CliCommand } from './context';
import { fileCommand, openDecisions, type InputOptions } from './input';
import { progressBar } from './progress';

const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const asJson = (c: Coefficient) => ({ value: c.value, ci95: [c.low, c.high], items: c.items });

/** `moderation-qa agreement FILE`: one entry of main.ts's COMMANDS list. */
export const agreementCommand: CliCommand = (program, ctx) => {
  const { io, lang, L } = ctx;
  const print = ctx.print.bind(ctx);
  fileCommand(program, 'agreement', L('cli.agreement'), ctx)
    .option('--seed <seed>', L('cli.opt.seed'))
    .option('--resamples <n>', L('cli.opt.resamples'))
    .action(async (file: string, o: InputOptions & { seed?: string; resamples?: string }) => {
      const resamples = o.resamples === undefined ? 1000 : Number(o.resamples);
      if (!Number.isInteger(resamples) || resamples < 1)
        throw new CommanderError(
          2,
          'usage',
          lang === 'ja'
            ? '--resamples は 1 以上の整数にしてください。'
            : '--resamples must be a whole number of at least 1.',
        );
      const input = await openDecisions(file, o, ctx);
      const { decisionsAgreementFlow } = await import('../flows/agreementFlow');
      const result = await decisionsAgreementFlow(input.book.run, {
        sheet: input.sheet,
        lang,
        seed: o.seed,
        resamples,
        write: Boolean(o.out),
        now: io.now(),
        progress: progressBar(ctx),
      });
      const r = result.report;
      const lines = [
        // The sheet is named only when --out writes it.
        L(o.out ? 'agreement.done' : 'agreement.doneRead', {
          items: r.items,
          twice: r.itemsJudgedTwice,
          alpha: num(r.alphaVerdict.value),
          alphaPolicy: num(r.alphaVerdictPolicy.value),
          sheet: result.sheet,
        }),
        ...(
          [
            ['agreement.alphaVerdict', r.alphaVerdict],
            ['agreement.alphaVerdictPolicy', r.alphaVerdictPolicy],
            ['agreement.fleiss', r.fleissKappa],
            ['agreement.ac1', r.gwetAC1],
          ] as const
        ).map(([key, c]) =>
          L('agreement.line', {
            name: L(key),
            value: num(c.value),
            low: num(c.low),
            high: num(c.high),
            items: c.items,
          }),
        ),
        L('agreement.method', { resamples: result.resamples, seed: result.seed }),
      ];
      print(
        o.json,
        {
          sheet: result.source,
          items: r.items,
          itemsJudgedTwice: r.itemsJudgedTwice,
          judgments: r.judgments,
          raters: r.raters.length,
          repeats: r.repeats,
          seed: result.seed,
          resamples: result.resamples,
          alphaVerdict: asJson(r.alphaVerdict),
          alphaVerdictPolicy: asJson(r.alphaVerdictPolicy),
          fleissKappa: asJson(r.fleissKappa),
          gwetAC1: asJson(r.gwetAC1),
          pairwiseKappa: r.pairwiseComputed
            ? r.raters.flatMap((a, i) =>
                r.raters
                  .map((b, j) =>
                    j > i && r.pairwise[i][j] ? { raters: [a, b], ...asJson(r.pairwise[i][j] as Coefficient) } : null,
                  )
                  .filter(Boolean),
              )
            : null,
          disagreements: r.disagreements.length,
        },
        lines.join('\n'),
      );
      await input.save();
    });
};
