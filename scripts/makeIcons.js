#!/usr/bin/env node
// Draws the add-in's icon (a white check mark in a magnifier ring on Fluent blue) at every size
// the manifest uses and writes assets/icon-<size>.png. Run once; the PNGs are committed.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const BLUE = [15, 108, 189];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const S = 4; // supersampling per axis
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let cover = 0,
        white = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size,
            v = (y + (sy + 0.5) / S) / size;
          const r = 0.2; // rounded square
          const qx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0),
            qy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
          if (Math.hypot(qx, qy) > r) continue;
          cover++;
          const ring = Math.abs(Math.hypot(u - 0.45, v - 0.45) - 0.25) < 0.055;
          const handle = distToSegment(u, v, 0.63, 0.63, 0.82, 0.82) < 0.06;
          const check =
            Math.min(distToSegment(u, v, 0.33, 0.46, 0.42, 0.55), distToSegment(u, v, 0.42, 0.55, 0.58, 0.36)) < 0.045;
          if (ring || handle || check) white++;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = cover / (S * S),
        w = cover ? white / cover : 0;
      raw[o] = Math.round(BLUE[0] + (255 - BLUE[0]) * w);
      raw[o + 1] = Math.round(BLUE[1] + (255 - BLUE[1]) * w);
      raw[o + 2] = Math.round(BLUE[2] + (255 - BLUE[2]) * w);
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const s of SIZES) fs.writeFileSync(path.join(dir, `icon-${s}.png`), png(s));
console.log(`wrote ${SIZES.length} icons to ${dir}`);
