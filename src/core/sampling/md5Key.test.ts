import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { md5Key, md5KeyWithPrefix } from './md5Key';
import { md5 } from 'js-md5';
import { sampleKey, sampleKeyer } from './sampleKey';

/** The reference MD5 (an independent implementation) that the core's own md5Key is checked against. */
const md5Hex = (text: string): string => md5.hex(text);

test('MD5 matches the RFC 1321 test suite', () => {
  expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
  expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
  expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
  expect(md5Hex('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
});

// Node's own MD5 over its UTF-8 encoding is the oracle (lone surrogates become U+FFFD, as in
// every UTF-8 encoder; js-md5's pure-JS path encodes them differently, so it is not used here).
const nodeKey = (s: string) => parseInt(createHash('md5').update(s, 'utf8').digest('hex').slice(0, 13), 16) / 2 ** 52;

test('the allocation-free MD5 key agrees with an independent MD5 on any string (ASCII, Japanese, emoji, long)', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 300 })),
      (s) => md5Key(s) === nodeKey(s),
    ),
    { numRuns: 500 },
  );
  for (const s of [
    '',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    'a'.repeat(1000),
    '動画ID:7301234567890123456',
    '\ud800x',
  ]) {
    expect(md5Key(s)).toBe(nodeKey(s));
  }
});

test(
  'keying with a shared prefix gives the same keys as ' + 'hashing "prefix + text", whatever the order and lengths',
  () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 400 })), { maxLength: 8 }),
        (prefix, texts) => {
          const keyer = md5KeyWithPrefix(prefix);
          // A long text between two calls must not spoil the saved prefix.
          for (const text of texts) {
            expect(keyer(text)).toBe(nodeKey(prefix + text));
            expect(md5Key('x'.repeat(text.length * 2 + 100))).toBe(nodeKey('x'.repeat(text.length * 2 + 100)));
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(sampleKeyer('w48')('12345')).toBe(sampleKey('w48', '12345'));
    // ASCII IDs are packed straight into one block up to 55 bytes with the prefix: each side of that edge.
    for (const prefix of ['', 'w48:', 'x'.repeat(55), 'シード:'])
      for (let n = 0; n <= 64; n++) {
        const id = '7301234567890123456789'.repeat(3).slice(0, n);
        expect(md5KeyWithPrefix(prefix)(id)).toBe(nodeKey(prefix + id));
        expect(md5KeyWithPrefix(prefix)(id + 'é')).toBe(nodeKey(prefix + id + 'é'));
      }
  },
);
