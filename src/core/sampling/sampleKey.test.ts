import { md5 } from 'js-md5';
import { sampleKey } from './sampleKey';

/** The reference MD5 (an independent implementation) that the core's own md5Key is checked against. */
const md5Hex = (text: string): string => md5.hex(text);

test('the draw key is the first 13 hex digits of md5(seed:item_id) over 2^52, as SQL computes it', () => {
  const hex = md5Hex('w48:12345');
  expect(sampleKey('w48', '12345')).toBe(parseInt(hex.slice(0, 13), 16) / 2 ** 52);
  // UTF-8: Japanese IDs hash as their UTF-8 bytes, as SQL engines do.
  expect(sampleKey('シード', '動画1')).toBe(parseInt(md5Hex('シード:動画1').slice(0, 13), 16) / 2 ** 52);
});
