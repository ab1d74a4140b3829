/**
 * The Sample page's form as data: the fields as typed, their defaults, and the parse from typed
 * text to the draw's options. Pure (no React, no Office), so the rules are tested without a page;
 * the page renders the fields and calls parseSampleForm.
 */
import type { Aql, Inspection, InspectionLevel } from '../../../core/iso2859/planTables';
import type { DecisionField, Verdict } from '../../../core/model';
import type { SampleFilters, SamplingMethod, SamplingUnit } from '../../../core/sampling/drawSample';
import type { SampleFlowOptions, SampleSize } from '../../../flows/sampleFlow';
import type { MessageKey } from '../../../i18n';

export type SizeKind = SampleSize['kind'];
export const SIZE_KINDS: SizeKind[] = ['fixed', 'percent', 'iso2859', 'cochran'];
export const STRATA_FIELDS: DecisionField[] = ['market', 'language', 'queue', 'moderator', 'policy', 'verdict'];

/** The form as the analyst typed it: numbers and dates are still text. */
export interface SampleForm {
  method: SamplingMethod;
  sizeKind: SizeKind;
  n: string;
  percent: string;
  level: InspectionLevel;
  aql: Aql;
  inspection: Inspection;
  /** Cochran: confidence level, in percent. */
  confidence: string;
  /** Cochran: the margin of error, in percentage points. */
  margin: string;
  /**
   * Cochran: the error rate expected in the lot, in percent (sizes the sample for p, not for the worst case p = 50%).
   */
  expectedRate: string;
  strata: DecisionField[];
  minimum: string;
  quota: string;
  markets: string;
  queues: string;
  /** yyyy-mm-dd, or empty for no bound. */
  from: string;
  to: string;
  verdicts: Verdict[];
  includeEarlier: boolean;
  unit: SamplingUnit;
  /** Calibration: inspectors' names, one a line or comma-separated. */
  inspectors: string;
  /** Blind review as chosen; undefined follows the default (on for calibration). */
  blind?: boolean;
  seed: string;
}

/**
 * Defaults. Cochran's expected error rate is 5%, a usual moderation error rate, with a ±2-point
 * margin: 457 items on a large lot, where p = 50% (the textbook worst case) would ask 2,401.
 * Typing 50 gives the worst-case size when nothing is known about the rate.
 */
export const SAMPLE_FORM_DEFAULTS: Omit<SampleForm, 'seed'> = {
  method: 'simple',
  sizeKind: 'iso2859',
  n: '50',
  percent: '5',
  level: 'II',
  aql: '1.0',
  inspection: 'normal',
  confidence: '95',
  margin: '2',
  expectedRate: '5',
  strata: ['market'],
  minimum: '',
  quota: '5',
  markets: '',
  queues: '',
  from: '',
  to: '',
  verdicts: [],
  includeEarlier: false,
  unit: 'decision',
  inspectors: '',
};

/** The form field a problem is about, so the page can mark it. */
export type FormField =
  'n' | 'percent' | 'confidence' | 'margin' | 'expectedRate' | 'minimum' | 'quota' | 'from' | 'to' | 'strata';

/** Why the form cannot be drawn: a catalog message, its parameters, and the field (its label is a catalog key too). */
export interface FormProblem {
  key: MessageKey;
  field: FormField;
  /** The field's label, to name it in the message in the analyst's language. */
  label: MessageKey;
  params: Record<string, number>;
}

const LABELS: Record<FormField, MessageKey> = {
  n: 'sample.n',
  percent: 'sample.percent',
  confidence: 'sample.confidence',
  margin: 'sample.margin',
  expectedRate: 'sample.expectedRate',
  minimum: 'sample.minimum',
  quota: 'sample.quota',
  from: 'sample.from',
  to: 'sample.to',
  strata: 'sample.strata',
};

class Problem extends Error {
  constructor(readonly problem: FormProblem) {
    super(problem.key);
  }
}

const fail = (key: MessageKey, field: FormField, params: Record<string, number> = {}): never => {
  throw new Problem({ key, field, label: LABELS[field], params });
};

/** A number typed with a dot or a decimal comma (5,5), full-width digits too, within [min, max]. */
function number(value: string, field: FormField, min: number, max: number): number {
  const text = value.normalize('NFKC').trim().replace(',', '.');
  const x = Number(text);
  if (text === '' || !Number.isFinite(x) || x < min || x > max) fail('sample.invalidNumber', field, { min, max });
  return x;
}

/** A yyyy-mm-dd date as the first or last millisecond of that day (UTC), or undefined when empty. */
function date(value: string, field: FormField, end: boolean): number | undefined {
  if (!value.trim()) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.normalize('NFKC').trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Date.UTC rolls 2026-02-31 over to March: a date that does not round-trip is not a date.
  if (!m || new Date(ms).toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`)
    return fail('sample.invalidDate', field);
  return ms + (end ? 86_399_999 : 0);
}

/** Comma-separated values (also the Japanese 、 and full-width ，), blanks dropped. */
export const listOf = (text: string): string[] =>
  text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Inspectors' names, one a line or comma-separated. */
export const inspectorsOf = (text: string): string[] =>
  text
    .split(/\r?\n|[,、，]/)
    .map((x) => x.trim())
    .filter(Boolean);

export const isStratified = (method: SamplingMethod) =>
  method === 'stratified_proportional' || method === 'stratified_neyman';

/** What the draw needs from the form (the page adds the batch, the sheet, the mapping and the language). */
export type ParsedSampleForm = Pick<
  SampleFlowOptions,
  | 'method'
  | 'size'
  | 'seed'
  | 'strata'
  | 'minimumPerStratum'
  | 'quota'
  | 'filters'
  | 'includePreviouslySampled'
  | 'unit'
  | 'inspectors'
  | 'blind'
>;

/**
 * The draw's options from the form, or the first problem, naming its field.
 *
 * @example parseSampleForm({ ...SAMPLE_FORM_DEFAULTS, seed: 'a1', sizeKind: 'cochran' }).options?.size
 * // { kind: 'cochran', confidence: 0.95, margin: 0.02, proportion: 0.05 }
 */
export function parseSampleForm(
  form: SampleForm,
): { options: ParsedSampleForm; problem?: undefined } | { options?: undefined; problem: FormProblem } {
  try {
    return { options: parse(form) };
  } catch (error) {
    if (error instanceof Problem) return { problem: error.problem };
    throw error;
  }
}

function parse(form: SampleForm): ParsedSampleForm {
  const { method, sizeKind } = form;
  let size: SampleSize;
  // A quota draws k per moderator: the size is the quota's, not the form's.
  if (method === 'moderator_quota') size = { kind: 'fixed', n: Number.MAX_SAFE_INTEGER };
  else if (sizeKind === 'fixed') size = { kind: 'fixed', n: Math.round(number(form.n, 'n', 1, 1_048_576)) };
  else if (sizeKind === 'percent') size = { kind: 'percent', percent: number(form.percent, 'percent', 0.01, 100) };
  else if (sizeKind === 'iso2859')
    size = { kind: 'iso2859', level: form.level, aql: form.aql, inspection: form.inspection };
  else
    size = {
      kind: 'cochran',
      confidence: number(form.confidence, 'confidence', 50, 99.99) / 100,
      margin: number(form.margin, 'margin', 0.1, 50) / 100,
      proportion: number(form.expectedRate, 'expectedRate', 0.1, 50) / 100,
    };
  const stratified = isStratified(method);
  if (stratified && form.strata.length === 0) fail('sample.needStrata', 'strata');
  const filters: SampleFilters = {
    decidedFrom: date(form.from, 'from', false),
    decidedTo: date(form.to, 'to', true),
    markets: listOf(form.markets),
    queues: listOf(form.queues),
    verdicts: form.verdicts,
  };
  const inspectors = inspectorsOf(form.inspectors);
  const calibration = inspectors.length >= 2;
  return {
    method,
    size,
    seed: form.seed.trim() || '0',
    strata: stratified ? form.strata : undefined,
    minimumPerStratum:
      stratified && form.minimum.trim() ? Math.round(number(form.minimum, 'minimum', 0, 1_000_000)) : undefined,
    quota: method === 'moderator_quota' ? Math.round(number(form.quota, 'quota', 1, 1_000_000)) : undefined,
    filters,
    includePreviouslySampled: form.includeEarlier,
    unit: form.unit,
    inspectors: calibration ? inspectors : undefined,
    // Blind review is the default for calibration, an option otherwise.
    blind: form.blind ?? calibration,
  };
}
