import { cochranSampleSize } from '../../../core/sampling/cochranSampleSize';
import { sampleSizeFor } from '../../../flows/sampleFlow';
import { SAMPLE_FORM_DEFAULTS, inspectorsOf, listOf, parseSampleForm, type SampleForm } from './sampleForm';

const form = (change: Partial<SampleForm> = {}): SampleForm => ({
  ...SAMPLE_FORM_DEFAULTS,
  seed: 'a1b2c3d4',
  ...change,
});

test('the defaults parse to an ISO 2859-1 plan, level II, AQL 1.0, normal, no filters', () => {
  const { options, problem } = parseSampleForm(form());
  expect(problem).toBeUndefined();
  expect(options).toEqual({
    method: 'simple',
    size: { kind: 'iso2859', level: 'II', aql: '1.0', inspection: 'normal' },
    seed: 'a1b2c3d4',
    strata: undefined,
    minimumPerStratum: undefined,
    quota: undefined,
    filters: { decidedFrom: undefined, decidedTo: undefined, markets: [], queues: [], verdicts: [] },
    includePreviouslySampled: false,
    unit: 'decision',
    inspectors: undefined,
    blind: false,
  });
});

test('Cochran takes the expected error rate: 5% and ±2 points at 95% → 457; 50% (the worst case) → 2,401', () => {
  const size = parseSampleForm(form({ sizeKind: 'cochran' })).options?.size;
  expect(size).toEqual({ kind: 'cochran', confidence: 0.95, margin: 0.02, proportion: 0.05 });
  // n0 = z²·p(1−p)/e² with z = 1.959964 (sampling.md): 3.841459 · 0.05 · 0.95 / 0.0004 = 456.17 → 457.
  expect(sampleSizeFor(size!, 1_000_000_000).n).toBe(457);
  // p = 0.5: 3.841459 · 0.25 / 0.0004 = 2400.9 → 2,401, 5.3 times as many for the same margin.
  expect(
    sampleSizeFor(parseSampleForm(form({ sizeKind: 'cochran', expectedRate: '50' })).options!.size, 1_000_000_000).n,
  ).toBe(2401);
  // The published p = 0.5 value (sampling.md: 95%, e = 0.05 → 385) through the form.
  expect(
    sampleSizeFor(
      parseSampleForm(form({ sizeKind: 'cochran', expectedRate: '50', margin: '5' })).options!.size,
      1_000_000_000,
    ).n,
  ).toBe(385);
  // A 2% rate at ±1 point: 3.841459 · 0.02 · 0.98 / 0.0001 = 752.93 → 753; on a lot of 10,000 the
  // finite population correction gives 752.93 / (1 + 751.93/10,000) = 700.28 → 701.
  expect(cochranSampleSize({ confidence: 0.95, margin: 0.01, proportion: 0.02 })).toBe(753);
  expect(
    sampleSizeFor(parseSampleForm(form({ sizeKind: 'cochran', expectedRate: '2', margin: '1' })).options!.size, 10_000)
      .n,
  ).toBe(701);
});

test('numbers: decimal comma and full-width digits are read; out of range or not a number names the field', () => {
  expect(parseSampleForm(form({ sizeKind: 'cochran', expectedRate: '2,5' })).options?.size).toMatchObject({
    proportion: 0.025,
  });
  expect(parseSampleForm(form({ sizeKind: 'fixed', n: '１２０' })).options?.size).toEqual({ kind: 'fixed', n: 120 });
  expect(parseSampleForm(form({ sizeKind: 'cochran', expectedRate: '0' })).problem).toEqual({
    key: 'sample.invalidNumber',
    field: 'expectedRate',
    label: 'sample.expectedRate',
    params: { min: 0.1, max: 50 },
  });
  expect(parseSampleForm(form({ sizeKind: 'cochran', expectedRate: '' })).problem?.field).toBe('expectedRate');
  expect(parseSampleForm(form({ sizeKind: 'fixed', n: 'fifty' })).problem).toMatchObject({
    field: 'n',
    label: 'sample.n',
  });
  expect(parseSampleForm(form({ sizeKind: 'percent', percent: '101' })).problem?.field).toBe('percent');
  // A field the chosen size does not use is not checked.
  expect(parseSampleForm(form({ sizeKind: 'iso2859', n: 'fifty', expectedRate: '' })).problem).toBeUndefined();
});

test('dates: a day from its first to its last millisecond; an impossible date names the field', () => {
  const { filters } = parseSampleForm(form({ from: '2026-11-23', to: '2026-11-29' })).options!;
  expect(filters?.decidedFrom).toBe(Date.UTC(2026, 10, 23));
  expect(filters?.decidedTo).toBe(Date.UTC(2026, 10, 30) - 1);
  expect(parseSampleForm(form({ to: '2026-02-31' })).problem).toMatchObject({ key: 'sample.invalidDate', field: 'to' });
  expect(parseSampleForm(form({ from: '23/11/2026' })).problem).toMatchObject({
    key: 'sample.invalidDate',
    field: 'from',
  });
});

test('strata, minimum and quota only where the method uses them', () => {
  expect(parseSampleForm(form({ method: 'stratified_proportional', strata: [] })).problem).toMatchObject({
    key: 'sample.needStrata',
    field: 'strata',
  });
  const stratified = parseSampleForm(
    form({ method: 'stratified_neyman', strata: ['market', 'queue'], minimum: '3' }),
  ).options!;
  expect(stratified).toMatchObject({ strata: ['market', 'queue'], minimumPerStratum: 3 });
  expect(parseSampleForm(form({ method: 'simple', strata: [], minimum: 'x' })).options).toMatchObject({
    strata: undefined,
    minimumPerStratum: undefined,
  });
  expect(parseSampleForm(form({ method: 'moderator_quota', quota: '7' })).options).toMatchObject({
    quota: 7,
    size: { kind: 'fixed', n: Number.MAX_SAFE_INTEGER },
  });
  expect(parseSampleForm(form({ method: 'moderator_quota', quota: '0' })).problem?.field).toBe('quota');
});

test('lists in English and Japanese punctuation; two inspectors or more make a calibration, blind by default', () => {
  expect(listOf('JP, US、KR，, ')).toEqual(['JP', 'US', 'KR']);
  expect(inspectorsOf('qa.alex\nqa.kim、 検査 太郎')).toEqual(['qa.alex', 'qa.kim', '検査 太郎']);
  expect(parseSampleForm(form({ inspectors: 'qa.alex' })).options).toMatchObject({
    inspectors: undefined,
    blind: false,
  });
  expect(parseSampleForm(form({ inspectors: 'qa.alex, qa.kim' })).options).toMatchObject({
    inspectors: ['qa.alex', 'qa.kim'],
    blind: true,
  });
  expect(parseSampleForm(form({ inspectors: 'qa.alex, qa.kim', blind: false })).options?.blind).toBe(false);
  expect(parseSampleForm(form({ seed: '  ' })).options?.seed).toBe('0');
});
