import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { threeWeeksBook } from '../../test/helpers/threeWeeks';
import type { Lang } from '../i18n';
import { coachingFlow } from './coachingFlow';
import { crossBatchFlow } from './crossBatchFlow';
import type { BatchRunner } from './host';
import { trendFlow } from './trendFlow';

// Each flow that rebuilds sheets the lead reads, and the sheets it rebuilds.
const rebuilds: [string, (run: BatchRunner, lang: Lang) => Promise<unknown>, RegExp][] = [
  ['QA Moderators', (run, lang) => crossBatchFlow(run, { lang }), /^QA Moderators$/],
  ['QA Trends', (run, lang) => trendFlow(run, { lang }), /^QA Trends$/],
  ['QA Coach <moderator>', (run, lang) => coachingFlow(run, { lang }), /^QA Coach /],
];

test.each(rebuilds)(
  '%s: a rebuild interrupted at any request leaves each sheet whole, the previous one or the new one, and none missing',
  async (_, rebuild, sheets) => {
    const book = await threeWeeksBook('en');
    await rebuild(book.run, 'en');
    const s0 = book.instrumentation.syncs;
    await rebuild(book.run, 'en');
    const perRun = book.instrumentation.syncs - s0;
    expect(perRun).toBeGreaterThan(1);
    const names = () => book.model.sheets.map((s) => s.name).sort();
    const owned = () =>
      new Map(
        book.model.sheets
          .filter((s) => sheets.test(s.name))
          .map((s) => [s.name, sheetSnapshot(s) + JSON.stringify(s.charts)]),
      );
    const [before, sheetNames] = [owned(), names()];
    // The rebuild in Japanese changes every header: a failure leaves each sheet English, or Japanese and complete.
    const seen: Map<string, string>[] = [];
    for (let k = 1; k <= perRun; k++) {
      book.instrumentation.failAtSync = { sync: book.instrumentation.syncs + k, code: 'GeneralException' };
      await expect(rebuild(book.run, 'ja')).rejects.toMatchObject({ name: 'FlowError' });
      book.instrumentation.failAtSync = undefined;
      expect(names()).toEqual(sheetNames);
      seen.push(owned());
    }
    await rebuild(book.run, 'ja');
    const after = owned();
    expect(after).not.toEqual(before);
    for (const state of seen)
      for (const [name, sheet] of state) expect([before.get(name), after.get(name)]).toContain(sheet);
  },
);
