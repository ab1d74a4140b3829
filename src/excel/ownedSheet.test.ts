import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { threeWeeksBook } from '../../test/helpers/threeWeeks';
import type { Lang } from '../i18n';
import { crossBatchFlow } from './crossBatchFlow';
import type { BatchRunner } from './host';
import { trendFlow } from './trendFlow';

// Each flow that rebuilds a sheet the lead reads, and the sheets it rebuilds.
const rebuilds: [string, (run: BatchRunner, lang: Lang) => Promise<unknown>, RegExp][] = [
  ['QA Moderators', (run, lang) => crossBatchFlow(run, { lang }), /^QA Moderators$/],
  ['QA Trends', (run, lang) => trendFlow(run, { lang }), /^QA Trends$/],
];

test.each(rebuilds)(
  '%s: a rebuild interrupted at any request leaves the previous sheet as it was and nothing half-written',
  async (_, rebuild, sheets) => {
    const book = await threeWeeksBook('en');
    await rebuild(book.run, 'en');
    const s0 = book.instrumentation.syncs;
    await rebuild(book.run, 'en');
    const perRun = book.instrumentation.syncs - s0;
    const state = () =>
      book.model.sheets.map((s) => (sheets.test(s.name) ? sheetSnapshot(s) + JSON.stringify(s.charts) : s.name));
    const before = state();
    expect(perRun).toBeGreaterThan(1);
    // The rebuild in Japanese would change every header: any failure must leave the English sheet.
    for (let k = 1; k <= perRun; k++) {
      book.instrumentation.failAtSync = { sync: book.instrumentation.syncs + k, code: 'GeneralException' };
      await expect(rebuild(book.run, 'ja')).rejects.toMatchObject({ name: 'FlowError' });
      book.instrumentation.failAtSync = undefined;
      expect(state()).toEqual(before);
    }
    await rebuild(book.run, 'ja');
    expect(state()).not.toEqual(before);
  },
);
