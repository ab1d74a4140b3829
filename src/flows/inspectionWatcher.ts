import type { BatchRunner } from './host';
import { watchInspection, type Attribution } from './inspectFlow';
import { INSPECTION_PREFIX, isInspectionSheet } from './sheets';

/** A change the watcher brought up to date: which batch, and how many rows it rewrote (0: only read). */
export interface InspectionChange {
  batch: string;
  changed: number;
}

/**
 * The session's watch over every inspection sheet (not one page's): a verdict typed or pasted
 * into any `QA <batch>` sheet gets its outcome, severity, agreeing policy, inspector and time
 * while the pane is open, whichever page shows; pages subscribe to redraw (Inspect's progress,
 * Report's "stale" notice). `sync()` picks up sheets added since (a new sample).
 */
export class InspectionWatcher {
  private readonly stops = new Map<string, () => Promise<void>>();
  private readonly listeners = new Set<(change: InspectionChange) => void>();
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly run: BatchRunner,
    private readonly attribution: () => Attribution,
  ) {}

  /** Starts watching inspection sheets not watched yet. Safe to call often (one request). */
  sync(): Promise<void> {
    this.syncing ??= this.watchNew().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async watchNew(): Promise<void> {
    const names = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name).filter(isInspectionSheet);
    });
    for (const name of names) {
      const batch = name.slice(INSPECTION_PREFIX.length);
      if (this.stops.has(batch)) continue;
      const stop = await watchInspection(this.run, batch, (changed) => this.emit({ batch, changed }), {
        attribution: this.attribution,
      });
      this.stops.set(batch, stop);
    }
  }

  private emit(change: InspectionChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  /** Calls `listener` after every change to an inspection sheet; returns how to stop. */
  subscribe(listener: (change: InspectionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether a batch's sheet is watched. */
  watches(batch: string): boolean {
    return this.stops.has(batch);
  }

  /** Stops every watch (the pane closes). */
  async stop(): Promise<void> {
    const stops = [...this.stops.values()];
    this.stops.clear();
    await Promise.all(stops.map((s) => s().catch(() => undefined)));
  }
}
