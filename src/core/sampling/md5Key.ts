/**
 * MD5 specialised for draw keys: it hashes the UTF-8 bytes of a string and returns only the
 * first 52 bits as a number in [0, 1). Sampling a full sheet hashes a million short IDs; this
 * version reuses one buffer and allocates nothing per item, several times faster than a general
 * MD5 library. js-md5 stays the reference: a property test checks the two agree on any string.
 */
const S = Int32Array.from([7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]);
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;

let bytes = new Uint8Array(256);
const words = new Int32Array(16);
const TWO_52 = 2 ** 52;

/** Writes the UTF-8 encoding of `text` into `bytes` (growing it if needed); returns the length. */
function encodeUtf8(text: string): number {
  if (bytes.length < text.length * 3 + 72) bytes = new Uint8Array(text.length * 3 + 72);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          bytes[n++] = 0xf0 | (c >> 18);
          bytes[n++] = 0x80 | ((c >> 12) & 63);
          bytes[n++] = 0x80 | ((c >> 6) & 63);
          bytes[n++] = 0x80 | (c & 63);
          continue;
        }
      }
      // A lone surrogate encodes as U+FFFD, as TextEncoder and SQL engines' UTF-8 do.
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

/**
 * The first 13 hex digits of MD5(UTF-8 of `text`), as an integer divided by 2^52.
 *
 * @example md5Key('abc') // parseInt('900150983cd24', 16) / 2 ** 52
 * Invalid input: none; every string hashes.
 */
export function md5Key(text: string): number {
  const len = encodeUtf8(text);
  // Padding: 0x80, zeros to 56 mod 64, then the bit length (little-endian, 64 bits).
  const total = ((len + 8) >> 6) + 1;
  bytes[len] = 0x80;
  const end = total * 64;
  for (let i = len + 1; i < end; i++) bytes[i] = 0;
  const bits = len * 8;
  bytes[end - 8] = bits & 255;
  bytes[end - 7] = (bits >>> 8) & 255;
  bytes[end - 6] = (bits >>> 16) & 255;
  bytes[end - 5] = (bits >>> 24) & 255;
  bytes[end - 4] = Math.floor(bits / 2 ** 32) & 255;
  let a0 = 0x67452301;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476;
  for (let block = 0; block < total; block++) {
    const o = block * 64;
    for (let i = 0; i < 16; i++) words[i] = bytes[o + i * 4] | (bytes[o + i * 4 + 1] << 8) | (bytes[o + i * 4 + 2] << 16) | (bytes[o + i * 4 + 3] << 24);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    // The four rounds as four loops: no per-step branching on the round.
    for (let i = 0; i < 16; i++) {
      const x = (a + ((b & c) | (~b & d)) + K[i] + words[i]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << S[i]) | (x >>> (32 - S[i])))) | 0;
    }
    for (let i = 16; i < 32; i++) {
      const x = (a + ((d & b) | (~d & c)) + K[i] + words[(5 * i + 1) & 15]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << S[i]) | (x >>> (32 - S[i])))) | 0;
    }
    for (let i = 32; i < 48; i++) {
      const x = (a + (b ^ c ^ d) + K[i] + words[(3 * i + 5) & 15]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << S[i]) | (x >>> (32 - S[i])))) | 0;
    }
    for (let i = 48; i < 64; i++) {
      const x = (a + (c ^ (b | ~d)) + K[i] + words[(7 * i) & 15]) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << S[i]) | (x >>> (32 - S[i])))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  // The digest's bytes are a0 little-endian, then b0; 13 hex digits = 6 bytes + 1 nibble.
  const high = ((((a0 & 255) * 256 + ((a0 >>> 8) & 255)) * 256 + ((a0 >>> 16) & 255)) * 256 + (a0 >>> 24)) * 65536 + (b0 & 255) * 256 + ((b0 >>> 8) & 255);
  return (high * 16 + (((b0 >>> 16) & 255) >> 4)) / TWO_52;
}
