/**
 * MD5 specialised for draw keys: it hashes the UTF-8 bytes of a string and returns only the
 * first 52 bits as a number in [0, 1). Sampling a full sheet hashes a million short IDs; this
 * version reuses one buffer and allocates nothing per item, several times faster than a general
 * MD5 library. js-md5 stays the reference: a property test checks the two agree on any string.
 */
let bytes = new Uint8Array(256);
/** `bytes` read as little-endian 32-bit words (its length is kept a multiple of 64). */
let byteWords = new Int32Array(bytes.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** One block's sixteen words, for big-endian hosts and for IDs packed straight into words. */
const scratch = new Int32Array(16);
const state = new Int32Array(4);
const TWO_52 = 2 ** 52;

/** The little-endian 32-bit word at `o`. */
const word = (o: number) => bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);

/** Writes the UTF-8 encoding of `text` into `bytes` from `start` (growing it if needed); returns the end. */
function encodeUtf8(text: string, start: number): number {
  if (bytes.length < start + text.length * 3 + 72) {
    const grown = new Uint8Array(Math.ceil((start + text.length * 3 + 72) / 64) * 64);
    grown.set(bytes.subarray(0, start));
    bytes = grown;
    byteWords = new Int32Array(bytes.buffer);
  }
  let n = start;
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

/** The 64-byte block at `o` of `bytes`, folded into the state. */
function bytesBlock(o: number): void {
  if (LITTLE_ENDIAN) return block(byteWords, o >> 2);
  for (let j = 0; j < 16; j++) scratch[j] = word(o + j * 4);
  block(scratch, 0);
}

/**
 * One block, the sixteen words of `w` from `k`, folded into the state (the 64 steps unrolled: no tables, no branches).
 */
function block(w: Int32Array, k: number): void {
  const w0 = w[k],
    w1 = w[k + 1],
    w2 = w[k + 2],
    w3 = w[k + 3],
    w4 = w[k + 4],
    w5 = w[k + 5],
    w6 = w[k + 6],
    w7 = w[k + 7];
  const w8 = w[k + 8],
    w9 = w[k + 9],
    w10 = w[k + 10],
    w11 = w[k + 11],
    w12 = w[k + 12],
    w13 = w[k + 13],
    w14 = w[k + 14],
    w15 = w[k + 15];
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let x = 0;
  x = (a + ((b & c) | (~b & d)) + -680876936 + w0) | 0;
  a = (b + ((x << 7) | (x >>> 25))) | 0;
  x = (d + ((a & b) | (~a & c)) + -389564586 + w1) | 0;
  d = (a + ((x << 12) | (x >>> 20))) | 0;
  x = (c + ((d & a) | (~d & b)) + 606105819 + w2) | 0;
  c = (d + ((x << 17) | (x >>> 15))) | 0;
  x = (b + ((c & d) | (~c & a)) + -1044525330 + w3) | 0;
  b = (c + ((x << 22) | (x >>> 10))) | 0;
  x = (a + ((b & c) | (~b & d)) + -176418897 + w4) | 0;
  a = (b + ((x << 7) | (x >>> 25))) | 0;
  x = (d + ((a & b) | (~a & c)) + 1200080426 + w5) | 0;
  d = (a + ((x << 12) | (x >>> 20))) | 0;
  x = (c + ((d & a) | (~d & b)) + -1473231341 + w6) | 0;
  c = (d + ((x << 17) | (x >>> 15))) | 0;
  x = (b + ((c & d) | (~c & a)) + -45705983 + w7) | 0;
  b = (c + ((x << 22) | (x >>> 10))) | 0;
  x = (a + ((b & c) | (~b & d)) + 1770035416 + w8) | 0;
  a = (b + ((x << 7) | (x >>> 25))) | 0;
  x = (d + ((a & b) | (~a & c)) + -1958414417 + w9) | 0;
  d = (a + ((x << 12) | (x >>> 20))) | 0;
  x = (c + ((d & a) | (~d & b)) + -42063 + w10) | 0;
  c = (d + ((x << 17) | (x >>> 15))) | 0;
  x = (b + ((c & d) | (~c & a)) + -1990404162 + w11) | 0;
  b = (c + ((x << 22) | (x >>> 10))) | 0;
  x = (a + ((b & c) | (~b & d)) + 1804603682 + w12) | 0;
  a = (b + ((x << 7) | (x >>> 25))) | 0;
  x = (d + ((a & b) | (~a & c)) + -40341101 + w13) | 0;
  d = (a + ((x << 12) | (x >>> 20))) | 0;
  x = (c + ((d & a) | (~d & b)) + -1502002290 + w14) | 0;
  c = (d + ((x << 17) | (x >>> 15))) | 0;
  x = (b + ((c & d) | (~c & a)) + 1236535329 + w15) | 0;
  b = (c + ((x << 22) | (x >>> 10))) | 0;
  x = (a + ((d & b) | (~d & c)) + -165796510 + w1) | 0;
  a = (b + ((x << 5) | (x >>> 27))) | 0;
  x = (d + ((c & a) | (~c & b)) + -1069501632 + w6) | 0;
  d = (a + ((x << 9) | (x >>> 23))) | 0;
  x = (c + ((b & d) | (~b & a)) + 643717713 + w11) | 0;
  c = (d + ((x << 14) | (x >>> 18))) | 0;
  x = (b + ((a & c) | (~a & d)) + -373897302 + w0) | 0;
  b = (c + ((x << 20) | (x >>> 12))) | 0;
  x = (a + ((d & b) | (~d & c)) + -701558691 + w5) | 0;
  a = (b + ((x << 5) | (x >>> 27))) | 0;
  x = (d + ((c & a) | (~c & b)) + 38016083 + w10) | 0;
  d = (a + ((x << 9) | (x >>> 23))) | 0;
  x = (c + ((b & d) | (~b & a)) + -660478335 + w15) | 0;
  c = (d + ((x << 14) | (x >>> 18))) | 0;
  x = (b + ((a & c) | (~a & d)) + -405537848 + w4) | 0;
  b = (c + ((x << 20) | (x >>> 12))) | 0;
  x = (a + ((d & b) | (~d & c)) + 568446438 + w9) | 0;
  a = (b + ((x << 5) | (x >>> 27))) | 0;
  x = (d + ((c & a) | (~c & b)) + -1019803690 + w14) | 0;
  d = (a + ((x << 9) | (x >>> 23))) | 0;
  x = (c + ((b & d) | (~b & a)) + -187363961 + w3) | 0;
  c = (d + ((x << 14) | (x >>> 18))) | 0;
  x = (b + ((a & c) | (~a & d)) + 1163531501 + w8) | 0;
  b = (c + ((x << 20) | (x >>> 12))) | 0;
  x = (a + ((d & b) | (~d & c)) + -1444681467 + w13) | 0;
  a = (b + ((x << 5) | (x >>> 27))) | 0;
  x = (d + ((c & a) | (~c & b)) + -51403784 + w2) | 0;
  d = (a + ((x << 9) | (x >>> 23))) | 0;
  x = (c + ((b & d) | (~b & a)) + 1735328473 + w7) | 0;
  c = (d + ((x << 14) | (x >>> 18))) | 0;
  x = (b + ((a & c) | (~a & d)) + -1926607734 + w12) | 0;
  b = (c + ((x << 20) | (x >>> 12))) | 0;
  x = (a + (b ^ c ^ d) + -378558 + w5) | 0;
  a = (b + ((x << 4) | (x >>> 28))) | 0;
  x = (d + (a ^ b ^ c) + -2022574463 + w8) | 0;
  d = (a + ((x << 11) | (x >>> 21))) | 0;
  x = (c + (d ^ a ^ b) + 1839030562 + w11) | 0;
  c = (d + ((x << 16) | (x >>> 16))) | 0;
  x = (b + (c ^ d ^ a) + -35309556 + w14) | 0;
  b = (c + ((x << 23) | (x >>> 9))) | 0;
  x = (a + (b ^ c ^ d) + -1530992060 + w1) | 0;
  a = (b + ((x << 4) | (x >>> 28))) | 0;
  x = (d + (a ^ b ^ c) + 1272893353 + w4) | 0;
  d = (a + ((x << 11) | (x >>> 21))) | 0;
  x = (c + (d ^ a ^ b) + -155497632 + w7) | 0;
  c = (d + ((x << 16) | (x >>> 16))) | 0;
  x = (b + (c ^ d ^ a) + -1094730640 + w10) | 0;
  b = (c + ((x << 23) | (x >>> 9))) | 0;
  x = (a + (b ^ c ^ d) + 681279174 + w13) | 0;
  a = (b + ((x << 4) | (x >>> 28))) | 0;
  x = (d + (a ^ b ^ c) + -358537222 + w0) | 0;
  d = (a + ((x << 11) | (x >>> 21))) | 0;
  x = (c + (d ^ a ^ b) + -722521979 + w3) | 0;
  c = (d + ((x << 16) | (x >>> 16))) | 0;
  x = (b + (c ^ d ^ a) + 76029189 + w6) | 0;
  b = (c + ((x << 23) | (x >>> 9))) | 0;
  x = (a + (b ^ c ^ d) + -640364487 + w9) | 0;
  a = (b + ((x << 4) | (x >>> 28))) | 0;
  x = (d + (a ^ b ^ c) + -421815835 + w12) | 0;
  d = (a + ((x << 11) | (x >>> 21))) | 0;
  x = (c + (d ^ a ^ b) + 530742520 + w15) | 0;
  c = (d + ((x << 16) | (x >>> 16))) | 0;
  x = (b + (c ^ d ^ a) + -995338651 + w2) | 0;
  b = (c + ((x << 23) | (x >>> 9))) | 0;
  x = (a + (c ^ (b | ~d)) + -198630844 + w0) | 0;
  a = (b + ((x << 6) | (x >>> 26))) | 0;
  x = (d + (b ^ (a | ~c)) + 1126891415 + w7) | 0;
  d = (a + ((x << 10) | (x >>> 22))) | 0;
  x = (c + (a ^ (d | ~b)) + -1416354905 + w14) | 0;
  c = (d + ((x << 15) | (x >>> 17))) | 0;
  x = (b + (d ^ (c | ~a)) + -57434055 + w5) | 0;
  b = (c + ((x << 21) | (x >>> 11))) | 0;
  x = (a + (c ^ (b | ~d)) + 1700485571 + w12) | 0;
  a = (b + ((x << 6) | (x >>> 26))) | 0;
  x = (d + (b ^ (a | ~c)) + -1894986606 + w3) | 0;
  d = (a + ((x << 10) | (x >>> 22))) | 0;
  x = (c + (a ^ (d | ~b)) + -1051523 + w10) | 0;
  c = (d + ((x << 15) | (x >>> 17))) | 0;
  x = (b + (d ^ (c | ~a)) + -2054922799 + w1) | 0;
  b = (c + ((x << 21) | (x >>> 11))) | 0;
  x = (a + (c ^ (b | ~d)) + 1873313359 + w8) | 0;
  a = (b + ((x << 6) | (x >>> 26))) | 0;
  x = (d + (b ^ (a | ~c)) + -30611744 + w15) | 0;
  d = (a + ((x << 10) | (x >>> 22))) | 0;
  x = (c + (a ^ (d | ~b)) + -1560198380 + w6) | 0;
  c = (d + ((x << 15) | (x >>> 17))) | 0;
  x = (b + (d ^ (c | ~a)) + 1309151649 + w13) | 0;
  b = (c + ((x << 21) | (x >>> 11))) | 0;
  x = (a + (c ^ (b | ~d)) + -145523070 + w4) | 0;
  a = (b + ((x << 6) | (x >>> 26))) | 0;
  x = (d + (b ^ (a | ~c)) + -1120210379 + w11) | 0;
  d = (a + ((x << 10) | (x >>> 22))) | 0;
  x = (c + (a ^ (d | ~b)) + 718787259 + w2) | 0;
  c = (d + ((x << 15) | (x >>> 17))) | 0;
  x = (b + (d ^ (c | ~a)) + -343485551 + w9) | 0;
  b = (c + ((x << 21) | (x >>> 11))) | 0;
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
}

/** Pads the `len` bytes in `bytes`, hashes them and returns the first 52 bits of the digest in [0, 1). */
function digestKey(len: number): number {
  // Padding: 0x80, zeros to 56 mod 64, then the bit length (little-endian, 64 bits).
  const total = ((len + 8) >> 6) + 1;
  const end = total * 64;
  bytes[len] = 0x80;
  bytes.fill(0, len + 1, end);
  const bits = len * 8;
  bytes[end - 8] = bits & 255;
  bytes[end - 7] = (bits >>> 8) & 255;
  bytes[end - 6] = (bits >>> 16) & 255;
  bytes[end - 5] = (bits >>> 24) & 255;
  bytes[end - 4] = Math.floor(bits / 2 ** 32) & 255;
  resetState();
  for (let o = 0; o < end; o += 64) bytesBlock(o);
  return keyOfState();
}

function resetState(): void {
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
}

/** The first 13 hex digits of the digest in the state, as an integer over 2^52. */
function keyOfState(): number {
  const a0 = state[0];
  const b0 = state[1];
  // The digest's bytes are a0 little-endian, then b0; 13 hex digits = 6 bytes + 1 nibble.
  const high =
    ((((a0 & 255) * 256 + ((a0 >>> 8) & 255)) * 256 + ((a0 >>> 16) & 255)) * 256 + ((a0 >>> 24) & 255)) * 65536 +
    (b0 & 255) * 256 +
    ((b0 >>> 8) & 255);
  return (high * 16 + (((b0 >>> 16) & 255) >> 4)) / TWO_52;
}

/**
 * The first 13 hex digits of MD5(UTF-8 of `text`), as an integer divided by 2^52.
 *
 * @example md5Key('abc') // parseInt('900150983cd24', 16) / 2 ** 52
 * Invalid input: none; every string hashes.
 */
export function md5Key(text: string): number {
  return digestKey(encodeUtf8(text, 0));
}

/**
 * A keyer for many texts that share a prefix (the seed and its colon): the prefix is encoded
 * once, so keying a million item IDs builds no "seed:id" string.
 *
 * @example md5KeyWithPrefix('w48:')('7300000000000000001') === md5Key('w48:7300000000000000001') // true
 */
export function md5KeyWithPrefix(prefix: string): (text: string) => number {
  const saved = bytes.slice(0, encodeUtf8(prefix, 0));
  // The prefix packed into words once; an ASCII ID that fits one block with it is packed on top,
  // four characters a word, and hashed without going through bytes (the usual 19-digit video ID).
  const prefixWords = new Int32Array(16);
  for (let n = 0; n < saved.length && n < 56; n++) prefixWords[n >> 2] |= saved[n] << ((n & 3) << 3);
  return (text) => {
    const len = saved.length + text.length;
    if (len <= 55) {
      scratch.set(prefixWords);
      let n = saved.length;
      let ascii = true;
      for (let i = 0; i < text.length; i++, n++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        scratch[n >> 2] |= c << ((n & 3) << 3);
      }
      if (ascii) {
        scratch[n >> 2] |= 0x80 << ((n & 3) << 3);
        scratch[14] = len * 8;
        resetState();
        block(scratch, 0);
        return keyOfState();
      }
    }
    if (bytes.length < saved.length + text.length * 3 + 72) encodeUtf8(text, saved.length); // grows the buffer
    bytes.set(saved);
    return digestKey(encodeUtf8(text, saved.length));
  };
}
