/**
 * The zip container of an .xlsx, read and written at the level of entries, so a part we do not
 * change goes out with its original compressed bytes (byte for byte) and a big sheet is inflated
 * as a stream of chunks, never as one buffer. Inflate and deflate are fflate's (a small, fast,
 * well-kept library that runs in Node and the browser); the container format is a few headers.
 */
import { Deflate, Inflate, deflateSync, inflateSync } from 'fflate';

interface InflateStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): void;
  on(event: 'end', f: () => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  write(chunk: Uint8Array): void;
  end(): void;
}
interface NodeZlib {
  createInflateRaw(o: { chunkSize: number }): InflateStream;
  deflateRawSync(data: Uint8Array, o: { level: number; finishFlush?: number }): Uint8Array;
  crc32?(data: Uint8Array, crc: number): number;
  constants: { Z_SYNC_FLUSH: number };
}
/**
 * Node's zlib where there is one (several times faster than
 * JavaScript's inflate and deflate); never bundled for the browser.
 */
const nodeZlib = (
  globalThis as unknown as { process?: { getBuiltinModule?(id: string): NodeZlib | undefined } }
).process?.getBuiltinModule?.('node:zlib');

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes as they are in the file. */
  raw: Uint8Array;
}

export class ZipFormatError extends Error {}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;
const utf8 = new TextDecoder();

/** The entries of a zip file, in the order of its central directory (zip64 sizes understood). */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('not a zip file');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === 0x07064b50) {
      const z64 = Number(u64(bytes, locator + 8));
      count = u64(bytes, z64 + 32);
      offset = u64(bytes, z64 + 48);
    }
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (u32(bytes, p) !== 0x02014b50) throw new ZipFormatError('broken central directory');
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // zip64 extra field: the sizes and offset that did not fit, in this order.
    for (let e = p + 46 + nameLen; e < p + 46 + nameLen + extraLen;) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(bytes, q);
      }
      e += 4 + len;
    }
    if (u32(bytes, local) !== 0x04034b50) throw new ZipFormatError('broken local header');
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    entries.set(name, { name, method, crc, compressedSize, size, raw: bytes.subarray(start, start + compressedSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's bytes, inflated. */
export function entryBytes(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  return inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
}

export function entryText(entry: ZipEntry): string {
  return utf8.decode(entryBytes(entry));
}

/** Calls `onChunk` with the entry's bytes, a piece at a time (for sheets too big for one buffer). */
export function streamEntry(entry: ZipEntry, onChunk: (bytes: Uint8Array, final: boolean) => void): void {
  if (entry.method === 0 || entry.raw.length === 0) {
    onChunk(entry.raw, true);
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  const inflate = new Inflate(onChunk);
  const step = 1 << 20;
  for (let i = 0; i < entry.raw.length; i += step)
    inflate.push(entry.raw.subarray(i, Math.min(entry.raw.length, i + step)), i + step >= entry.raw.length);
}

/** As streamEntry, with Node's zlib when there is one. */
export function streamEntryAsync(entry: ZipEntry, onChunk: (bytes: Uint8Array, final: boolean) => void): Promise<void> {
  if (!nodeZlib || entry.method !== 8 || entry.raw.length === 0) {
    streamEntry(entry, onChunk);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = nodeZlib.createInflateRaw({ chunkSize: 1 << 20 });
    let failed = false;
    inflate.on('data', (chunk) => {
      if (failed) return;
      try {
        onChunk(chunk, false);
      } catch (error) {
        failed = true;
        reject(error as Error);
      }
    });
    inflate.on('error', (error) => reject(new ZipFormatError(`the part ${entry.name} is damaged (${error.message})`)));
    inflate.on('end', () => {
      if (failed) return;
      try {
        onChunk(new Uint8Array(0), true);
        resolve();
      } catch (error) {
        reject(error as Error);
      }
    });
    const step = 1 << 20;
    for (let i = 0; i < entry.raw.length; i += step)
      inflate.write(entry.raw.subarray(i, Math.min(entry.raw.length, i + step)));
    inflate.end();
  });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  if (nodeZlib?.crc32) return nodeZlib.crc32(data, crc);
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const encoder = new TextEncoder();

/** A new entry from text or bytes, deflated. */
export function newEntry(name: string, content: string | Uint8Array): ZipEntry {
  const data = typeof content === 'string' ? encoder.encode(content) : content;
  const raw = nodeZlib ? nodeZlib.deflateRawSync(data, { level: 6 }) : deflateSync(data, { level: 6 });
  return { name, method: 8, crc: crc32(data), compressedSize: raw.length, size: data.length, raw };
}

/**
 * A new entry written piece by piece (a big sheet's XML): each piece is encoded and deflated as it
 * comes, so the whole text never exists at once.
 */
export class EntryWriter {
  private chunks: Uint8Array[] = [];
  private crc = 0;
  private size = 0;
  private readonly deflate = new Deflate({ level: 6 }, (chunk) => this.chunks.push(chunk));
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly name: string) {}

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 20) this.flush(false);
  }

  private flush(final: boolean): void {
    const data = encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    if (nodeZlib) {
      // Each piece deflated on its own and flushed to a byte boundary without ending the stream; an
      // empty final block closes it. Valid deflate, at Node's native speed.
      this.chunks.push(nodeZlib.deflateRawSync(data, { level: 6, finishFlush: nodeZlib.constants.Z_SYNC_FLUSH }));
      if (final) this.chunks.push(nodeZlib.deflateRawSync(new Uint8Array(0), { level: 6 }));
    } else this.deflate.push(data, final);
  }

  end(): ZipEntry {
    this.flush(true);
    const total = this.chunks.reduce((s, c) => s + c.length, 0);
    const raw = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      raw.set(c, at);
      at += c.length;
    }
    return { name: this.name, method: 8, crc: this.crc, compressedSize: total, size: this.size, raw };
  }
}

/** The zip file of these entries, in order (entries under 4 GB; the directory in zip32 form). */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((s, e, i) => s + 30 + names[i].length + e.raw.length, 0);
  const centralSize = entries.reduce((s, _e, i) => s + 46 + names[i].length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  const header = (e: ZipEntry, name: Uint8Array, central: boolean) => {
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    if (central) view.setUint16(p + 4, 20, true); // version made by
    const q = central ? p + 6 : p + 4;
    view.setUint16(q, 20, true); // version needed
    view.setUint16(q + 2, 0x0800, true); // names in UTF-8
    view.setUint16(q + 4, e.method, true);
    view.setUint32(q + 6, 0x00210000, true); // 1980-01-01 00:00, as Excel writes
    view.setUint32(q + 10, e.crc, true);
    view.setUint32(q + 14, e.compressedSize, true);
    view.setUint32(q + 18, e.size, true);
    view.setUint16(q + 22, name.length, true);
    view.setUint16(q + 24, 0, true);
  };
  entries.forEach((e, i) => {
    offsets.push(p);
    header(e, names[i], false);
    out.set(names[i], p + 30);
    p += 30 + names[i].length;
    out.set(e.raw, p);
    p += e.raw.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    header(e, names[i], true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}
