import { cochranSampleSize } from './cochranSampleSize';
import { normalQuantile } from '../stats/normalQuantile';

test(
  'Cochran: 95%, e = 0.05, p = 0.5 → 385; with N = 1,000 the correction ' +
    'gives ceil(384.146/(1+383.146/1000)) = 278',
  () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(cochranSampleSize({ confidence: 0.95, margin: 0.05 })).toBe(385);
    // n0 = 1.959964² · 0.25 / 0.0025 = 384.1459; n = 384.1459 / (1 + 383.1459/1000) = 277.74 → 278.
    expect(cochranSampleSize({ confidence: 0.95, margin: 0.05, population: 1000 })).toBe(278);
    expect(() => cochranSampleSize({ confidence: 1.2, margin: 0.05 })).toThrow(RangeError);
  },
);
