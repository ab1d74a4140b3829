import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook } from '../emulator';
import { validateFlow } from './validateFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

function decisionsBook(rows: number) {
  const b = createWorkbook();
  b.addSheet('Decisions', generateDecisions({ rows, headers: 'en', seed: 7 }));
  b.model.activeSheet = b.model.sheet('Decisions');
  return b;
}

test('with pauses (the pane), a read is checked in slices with the same findings as in one piece', async () => {
  const plain = await validateFlow(decisionsBook(3500).run, { lang: 'en', now: NOW });
  let pauses = 0;
  const seen: number[] = [];
  const sliced = await validateFlow(decisionsBook(3500).run, {
    lang: 'en',
    now: NOW,
    pause: async () => void pauses++,
    progress: (done) => seen.push(done),
  });
  expect(pauses).toBeGreaterThanOrEqual(3);
  expect(sliced.rowsChecked).toBe(3500);
  expect(sliced.counts).toEqual(plain.counts);
  expect(sliced.findings.map((f) => [f.address, f.code])).toEqual(plain.findings.map((f) => [f.address, f.code]));
  // Progress moves slice by slice, never backwards, to the whole lot.
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(3500);
  expect(seen.filter((n) => n < 3500).length).toBeGreaterThanOrEqual(3);
});

test('Cancel heard at a pause stops the read: nothing written, and the flow runs again to the end', async () => {
  const b = decisionsBook(3500);
  const sheets = b.model.sheets.map((s) => s.name);
  const abort = new AbortController();
  const run = validateFlow(b.run, { lang: 'en', now: NOW, signal: abort.signal, pause: async () => abort.abort() });
  await expect(run).rejects.toMatchObject({ key: 'flow.error.cancelled' });
  expect(b.model.sheets.map((s) => s.name).filter((n) => n !== 'QA Taxonomy')).toEqual(sheets);
  expect(b.model.sheet('QA Findings')).toBeUndefined();
  const again = await validateFlow(b.run, { lang: 'en', now: NOW, pause: async () => undefined });
  expect(again.rowsChecked).toBe(3500);
  expect(b.model.sheet('QA Findings')).toBeDefined();
});
