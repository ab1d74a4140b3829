/**
 * The bench's shared measuring tools. Each `bench/*.bench.ts` exports `run(ctx)` and reports
 * figures through `ctx.record`; `bench/run.ts` prints them as a table, or as JSON with `--json`.
 */
export interface BenchFigure {
  /** Which part of the product: "core", "emulator", "flows", "workbench". */
  suite: string;
  /** What was measured, in the analyst's words ("validate 1,048,576 rows"). */
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'KB' | 'bytes' | 'syncs' | 'ratio' | 'count' | 's';
  /** The target this figure must meet, if the issue sets one. */
  target?: { max: number };
  note?: string;
}

export interface BenchContext {
  record(figure: BenchFigure): void;
  /** `--quick` shrinks the data for a smoke run (CI); full runs use the issue's sizes. */
  quick: boolean;
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs: the median of the timed runs, and the very
 * first run's time (cold: the compiler untrained and the heap not yet grown), in milliseconds.
 */
export async function timeRuns(
  runs: number,
  fn: () => unknown | Promise<unknown>,
  beforeEach?: () => void,
  warmup = 0,
): Promise<{ median: number; first: number }> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    beforeEach?.(); // untimed: resets, garbage collection
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const first = times[0];
  const timed = times.slice(warmup).sort((a, b) => a - b);
  return { median: timed[Math.floor(timed.length / 2)], first };
}

/** The median of several timed runs of `fn`, in milliseconds. */
export async function medianMs(
  runs: number,
  fn: () => unknown | Promise<unknown>,
  beforeEach?: () => void,
): Promise<number> {
  return (await timeRuns(runs, fn, beforeEach)).median;
}

/** Tracks the peak heap and RSS while a piece of work runs (sampled every 20 ms and at the end). */
export async function withPeakMemory<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; peakHeapMB: number; peakRssMB: number }> {
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await fn();
    sample();
    return { result, peakHeapMB: peakHeap / 2 ** 20, peakRssMB: peakRss / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}
