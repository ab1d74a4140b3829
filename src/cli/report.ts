/** `moderation-qa report FILE --batch B`: builds or refreshes the batch's quality report. */
import type { CliCommand } from './context';
import { fileCommand, openDecisions, type InputOptions } from './input';

export const reportCommand: CliCommand = (program, ctx) => {
  fileCommand(program, 'report', ctx.L('cli.report'), ctx)
    .requiredOption('--batch <name>', ctx.L('cli.opt.batch'))
    .action(async (file: string, o: InputOptions & { batch: string }) => {
      const input = await openDecisions(file, o, ctx);
      const { listBatches } = await import('../flows/batches');
      const { reportFlow } = await import('../flows/reportFlow');
      // Batch names are matched as Excel matches sheet names: without regard to case (W48 is w48).
      const batches = await listBatches(input.book.run);
      const batch =
        batches.find((b) => b.batch === o.batch) ??
        batches.find((b) => b.batch.normalize('NFKC').toLowerCase() === o.batch.normalize('NFKC').toLowerCase());
      if (!batch)
        throw ctx.fail('cli.error.noBatch', { batch: o.batch, batches: batches.map((b) => b.batch).join(', ') || '—' });
      const result = await reportFlow(input.book.run, { batch: batch.batch, lang: ctx.lang });
      await input.save();
      const s = result.summary;
      const text = [
        ctx.L('cli.done.report', {
          sheet: result.sheet,
          inspected: s.inspected,
          n: s.sampleSize,
          accuracy: Number.isFinite(s.accuracy.rate) ? `${(s.accuracy.rate * 100).toFixed(1)}%` : '—',
        }),
      ];
      text.push(
        input.output.out
          ? ctx.L('cli.wrote', { file: input.output.out })
          : ctx.L('cli.notSaved', { sheet: result.sheet }),
      );
      if (o.json) for (const line of text) ctx.note(line);
      ctx.print(
        o.json,
        {
          sheet: result.sheet,
          lotSize: result.lotSize,
          sampleSize: s.sampleSize,
          inspected: s.inspected,
          outcomes: s.outcomes,
          accuracy: { rate: s.accuracy.rate, wilson95: s.accuracy.wilson, clopperPearson95: s.accuracy.clopperPearson },
          errorRates: Object.fromEntries(Object.entries(s.errorRates).map(([k, r]) => [k, r.rate])),
          kappa: s.kappa,
          weightedAccuracy: s.weightedAccuracy,
          lotDecision: s.lotDecision ?? null,
          escalations: result.escalations,
          saved: input.output.out ?? null,
        },
        text.join('\n'),
      );
    });
};
