/**
 * How the embedded host shares the page's one thread with the page itself (the workbench). In
 * Excel the host answers a sync in another process, so the pane stays responsive while a flow
 * reads 100,000 rows; here the host runs on the page's thread and must give it back: each sync is
 * answered on a later task, and the host's own long work (measuring a 4 MB response) is cut into
 * slices with a task boundary between them.
 */

const queue: (() => void)[] = [];
let channel: MessageChannel | undefined;

/**
 * Resolves on a new task of the event loop, so the page can paint and take input first. A
 * MessageChannel message, not setTimeout(0): nested timers are clamped to 4 ms in browsers.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
    // Node's ports keep the process alive; the queue alone never should.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  return new Promise((resolve) => {
    queue.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/** Gives the thread back once `sliceMs` have passed since the last time (cheap to call often). */
export class TimeSlicer {
  private started = performance.now();
  constructor(private readonly sliceMs = 12) {}

  async pause(): Promise<void> {
    if (performance.now() - this.started < this.sliceMs) return;
    await nextTask();
    this.started = performance.now();
  }
}

/** UTF-8 length of a string (Buffer where there is one; counted by code unit elsewhere, e.g. jsdom, browsers). */
export function byteLength(json: string): number {
  if (typeof Buffer !== 'undefined') return Buffer.byteLength(json, 'utf8');
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Values JSON leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The UTF-8 length of JSON.stringify(value), measured piece by piece with pauses between pieces:
 * the same figure as measuring the whole text, without one long block on a 4 MB body. Big arrays
 * (a range's rows) and arrays of objects are measured element by element; short rows of plain
 * values and primitives natively.
 */
export async function jsonByteLength(value: unknown, slicer: TimeSlicer): Promise<number> {
  // A short array of plain values is measured natively; a long one, or one that holds objects or
  // arrays (a response's few results, each with 100,000 rows inside), element by element.
  if (Array.isArray(value) && (value.length > 64 || value.some((v) => v !== null && typeof v === 'object'))) {
    let n = 2 + value.length - 1;
    for (const v of value) {
      n += skipped(v) ? 4 : await jsonByteLength(v, slicer);
      await slicer.pause();
    }
    return n;
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => !skipped(record[k]));
    let n = 2 + Math.max(0, keys.length - 1);
    for (const k of keys) n += byteLength(JSON.stringify(k)) + 1 + (await jsonByteLength(record[k], slicer));
    return n;
  }
  return byteLength(JSON.stringify(value) ?? 'null');
}
