import type { DecisionField, Severity, Verdict } from '../model';
import type { SampleFilters, SamplingMethod } from '../sampling/drawSample';
import { decidedKeySql, sqlString, type DrawUnit, type SqlDialect } from './drawSql';

/**
 * The normalized view of a lot in SQL: the same item IDs, moderators, verdicts, policy codes,
 * markets, languages and queues the add-in's validator produces, so filters and strata select the
 * same decisions. Values the add-in normalizes (a Japanese verdict word, a policy's name, a
 * market spelled out) are translated by dictionaries built from the lot's own distinct values
 * with the add-in's parsers: the parsers stay the one definition, SQL only looks them up.
 */
export interface LotDictionaries {
  /** Raw verdict text → verdict (absent: empty or unknown, which the add-in keeps as no verdict). */
  verdict: ReadonlyMap<string, Verdict>;
  /** Raw policy text → policy code (absent: kept as written, trimmed). */
  policy: ReadonlyMap<string, string>;
  /** Raw market / language text → code ('' for an empty cell; absent: kept as written). */
  market: ReadonlyMap<string, string>;
  language: ReadonlyMap<string, string>;
}

export interface LotSqlSource {
  dialect: SqlDialect;
  /** The table (or subquery in parentheses) holding the decisions. */
  relation: string;
  /** An expression giving each row's order (the sheet row in the add-in; a file row or time in a warehouse). */
  order: string;
  /** A mapped field's column as an SQL expression, undefined when the lot has no such column. */
  column(field: DecisionField): string | undefined;
  /** decided_at in UTC milliseconds, when the lot has dates (needed only by date filters). */
  decidedAtMs?: string;
  dictionaries: LotDictionaries;
}

export interface EligibleSqlOptions {
  method: SamplingMethod;
  unit: DrawUnit;
  strata?: DecisionField[];
  filters?: SampleFilters;
  /** Item IDs drawn by earlier batches. */
  exclude?: ReadonlySet<string>;
  /** risk_weighted: each policy code's weight (codes not listed weigh `defaultWeight`). */
  riskWeights?: { byPolicy: Record<string, number>; defaultWeight: number };
}

/** Fields a stratum can be made of in SQL (the add-in's text fields). */
export const SQL_STRATUM_FIELDS: readonly DecisionField[] = [
  'moderator',
  'verdict',
  'policy',
  'market',
  'language',
  'queue',
];

const TEXT: Record<SqlDialect, string> = { duckdb: 'VARCHAR', bigquery: 'STRING', spark: 'STRING' };

/** `CASE raw WHEN 'a' THEN x … ELSE fallback END` (x as SQL), or just the fallback when there is nothing to look up. */
function lookupSql(raw: string, entries: [string, string][], fallback: string, dialect: SqlDialect): string {
  if (entries.length === 0) return fallback;
  return (
    `CASE ${raw} ${entries.map(([from, to]) => `WHEN ${sqlString(from, dialect)} THEN ${to}`).join(' ')} ` +
    `ELSE ${fallback} END`
  );
}

/** lookupSql for a dictionary of texts. */
const lookup = (raw: string, map: ReadonlyMap<string, string>, fallback: string, dialect: SqlDialect) =>
  lookupSql(
    raw,
    [...map].map(([from, to]) => [from, sqlString(to, dialect)]),
    fallback,
    dialect,
  );

/** `x IN ('a', 'b')`, or a false condition for an empty list. */
const inList = (x: string, values: readonly string[], dialect: SqlDialect) =>
  values.length ? `${x} IN (${values.map((v) => sqlString(v, dialect)).join(', ')})` : '1 = 0';

/**
 * The eligible units of a lot as one SELECT with `row_no`, `item_id`, `moderator`,
 * `decided_key` (the time as the decision key writes it), `stratum` and, for risk-weighted draws,
 * `risk_weight` — in the same order of steps as the add-in's `selectEligible`: one row per item
 * when drawing items (the first in order, whatever the filters say of later ones) or one per
 * decision (repeats left out), then filters, then earlier batches left out.
 *
 * @example eligibleSql(source, { method: 'simple', unit: 'decision' })
 *   // "SELECT row_no, item_id, … FROM (…) d WHERE …"
 * Invalid input: a stratum field outside SQL_STRATUM_FIELDS, or a date filter on a lot without
 * dates in SQL, throws an Error naming the field.
 */
export function eligibleSql(source: LotSqlSource, options: EligibleSqlOptions): string {
  const { dialect } = source;
  const text = (field: DecisionField) => {
    const c = source.column(field);
    return c === undefined ? "''" : `COALESCE(CAST(${c} AS ${TEXT[dialect]}), '')`;
  };
  const raw = (field: DecisionField) => {
    const c = source.column(field);
    return c === undefined ? 'NULL' : `CAST(${c} AS ${TEXT[dialect]})`;
  };
  const d = source.dictionaries;
  const normalized = [
    `${source.order} AS row_no`,
    `TRIM(${text('item_id')}) AS item_id`,
    `TRIM(${text('moderator')}) AS moderator`,
    `${lookup(raw('verdict'), d.verdict, "''", dialect)} AS verdict`,
    `${lookup(raw('policy'), d.policy, `TRIM(${text('policy')})`, dialect)} AS policy`,
    `${lookup(raw('market'), d.market, text('market'), dialect)} AS market`,
    `${lookup(raw('language'), d.language, text('language'), dialect)} AS language`,
    `${text('queue')} AS queue`,
  ];
  const f = options.filters ?? {};
  if ((f.decidedFrom !== undefined || f.decidedTo !== undefined) && !source.decidedAtMs) throw new Error('decided_at');
  normalized.push(`${source.decidedAtMs ?? 'NULL'} AS decided_ms`);

  const strataFields: DecisionField[] =
    options.method === 'moderator_quota'
      ? ['moderator']
      : options.method === 'simple' || options.method === 'risk_weighted'
        ? []
        : options.strata?.length
          ? options.strata
          : ['market'];
  for (const field of strataFields) if (!SQL_STRATUM_FIELDS.includes(field)) throw new Error(field);
  const label = (field: DecisionField) => `COALESCE(NULLIF(${field}, ''), '—')`;
  const stratum =
    strataFields.length === 0
      ? `'all'`
      : strataFields.length === 1
        ? label(strataFields[0])
        : dialect === 'duckdb'
          ? strataFields.map(label).join(` || ' / ' || `)
          : `CONCAT(${strataFields.map(label).join(`, ' / ', `)})`;

  const where: string[] = [options.unit === 'item' ? 'nth_of_item = 1' : 'nth_of_decision = 1'];
  // Rows that fail a required check are not in the lot (the add-in's validator leaves them out
  // after they have claimed their ID): no moderator, no known verdict, where those are mapped.
  if (source.column('moderator') !== undefined) where.push(`moderator <> ''`);
  if (source.column('verdict') !== undefined) where.push(`verdict <> ''`);
  if (f.decidedFrom !== undefined) where.push(`decided_ms >= ${f.decidedFrom}`);
  if (f.decidedTo !== undefined) where.push(`decided_ms <= ${f.decidedTo}`);
  if (f.markets?.length) where.push(inList('market', f.markets, dialect));
  if (f.queues?.length) where.push(inList('queue', f.queues, dialect));
  if (f.verdicts?.length) where.push(inList('verdict', f.verdicts, dialect));
  if (options.exclude?.size) where.push(`NOT ${inList('item_id', [...options.exclude], dialect)}`);

  const risk = options.riskWeights;
  const riskColumn = risk
    ? `, ${lookupSql(
        'policy',
        Object.entries(risk.byPolicy).map(([code, w]) => [code, String(w)]),
        String(risk.defaultWeight),
        dialect,
      )} AS risk_weight`
    : '';
  // A repeat — the same moderator on the same item at the same time (or with no time) — is not a
  // new decision: only its first row counts, as the add-in's validator marks it.
  return [
    `SELECT row_no, item_id, moderator, ${decidedKeySql('decided_ms', dialect)} AS decided_key, ` +
      `${stratum} AS stratum${riskColumn} FROM (`,
    options.unit === 'item'
      ? `    SELECT n.*, ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY row_no, moderator) AS nth_of_item`
      : `    SELECT n.*, ROW_NUMBER() OVER (PARTITION BY item_id, moderator, decided_ms ORDER BY row_no) ` +
        `AS nth_of_decision`,
    `    FROM (SELECT ${normalized.join(', ')} FROM ${source.relation}) n`,
    `    WHERE item_id <> ''`,
    `  ) d`,
    `  WHERE ${where.join(' AND ')}`,
  ].join('\n');
}

/**
 * Risk weights by policy code from the taxonomy's severities and the add-in's severity weights
 * (1, 2, 4, 8 unless given), as eligibleSql takes them.
 *
 * @example riskWeightsOf({ 'SAF.HATE': 3 }) // { byPolicy: { 'SAF.HATE': 4 }, defaultWeight: 1 }
 */
export function riskWeightsOf(
  policySeverity: Record<string, Severity>,
  weights: Partial<Record<Severity, number>> = {},
): { byPolicy: Record<string, number>; defaultWeight: number } {
  const w: Record<Severity, number> = { 1: 1, 2: 2, 3: 4, 4: 8, ...weights };
  return {
    byPolicy: Object.fromEntries(Object.entries(policySeverity).map(([code, sev]) => [code, w[sev] ?? 1])),
    defaultWeight: w[1] ?? 1,
  };
}
