/**
 * The add-in's draw, run by DuckDB over a lot file: the same eligibility, sizing, allocation and
 * keys (so the same seed selects the same decisions as the add-in would on the same rows), with
 * only the sample read into Node.
 */
import { DOUBLE, type DuckDBConnection } from '@duckdb/node-api';
import type { SamplingPlan } from '../../core/iso2859/samplingPlan';
import type { DecisionField, Severity } from '../../core/model';
import type { CellValue } from '../../excelSpec';
import { parseLanguage, parseMarket } from '../../core/normalize/marketAndLanguage';
import { parseVerdict } from '../../core/normalize/parseVerdict';
import { createPolicyIndex } from '../../core/taxonomy/policyIndex';
import type { StratumAllocation } from '../../core/sampling/allocate';
import { allocateStrata, type SampleFilters, type SamplingMethod } from '../../core/sampling/drawSample';
import type { Taxonomy } from '../../core/taxonomy/types';
import { drawSql, type AllocationSql, type DrawUnit, type SqlDialect } from '../../core/warehouse/drawSql';
import {
  eligibleSql,
  riskWeightsOf,
  type EligibleSqlOptions,
  type LotDictionaries,
  type LotSqlSource,
} from '../../core/warehouse/lotSql';
import { sampleSizeFor, type SampleSize } from '../../flows/sampleFlow';
import { queryRows, registerDateReading, type WarehouseLot } from './lot';

export interface WarehouseDrawOptions {
  method: SamplingMethod;
  size: SampleSize;
  seed: string;
  unit: DrawUnit;
  strata?: DecisionField[];
  minimumPerStratum?: number;
  quota?: number;
  expectedErrorRate?: Record<string, number>;
  filters?: SampleFilters;
  exclude?: ReadonlySet<string>;
  taxonomy: Taxonomy;
  severityWeights?: Partial<Record<Severity, number>>;
}

export interface WarehouseSampledRow {
  /** The row's number as on a sheet (header on row 1). */
  row: number;
  itemId: string;
  moderator: string;
  stratum: string;
  key: number;
  weight: number;
  /** The row's cells, in the file's column order. */
  values: CellValue[];
}

export interface WarehouseDraw {
  rows: WarehouseSampledRow[];
  allocation: StratumAllocation[];
  /** Eligible units after filters and exclusions: the lot the sample speaks for. */
  lotSize: number;
  excluded: number;
  plan?: SamplingPlan;
  /** The DuckDB query that drew the sample. */
  sql: string;
}

/** Distinct raw texts of a column (bounded: a column of free text is not a dictionary). */
async function distinctTexts(
  connection: DuckDBConnection,
  relation: string,
  column: string | undefined,
): Promise<string[]> {
  if (column === undefined) return [];
  const rows = await queryRows(
    connection,
    `SELECT DISTINCT CAST(${column} AS VARCHAR) AS v FROM ${relation} WHERE ${column} IS NOT NULL LIMIT 100000`,
  );
  return rows.map((r) => String(r.v));
}

/**
 * The dictionaries that translate a lot's raw texts into what the add-in's parsers make of them.
 *
 * @example const d = await lotDictionaries(lot, taxonomy); d.verdict.get('削除') // 'remove'
 */
export async function lotDictionaries(lot: WarehouseLot, taxonomy: Taxonomy): Promise<LotDictionaries> {
  const index = createPolicyIndex(taxonomy);
  const texts = (field: DecisionField) => distinctTexts(lot.connection, lot.relation, lot.column(field));
  const verdict = new Map<string, NonNullable<ReturnType<typeof parseVerdict>>>();
  for (const v of await texts('verdict')) {
    const parsed = parseVerdict(v);
    if (parsed) verdict.set(v, parsed);
  }
  const policy = new Map<string, string>();
  for (const v of await texts('policy')) {
    const p = index.find(v);
    if (p && p.code !== v.trim()) policy.set(v, p.code);
  }
  const codes = async (field: 'market' | 'language', parse: (v: unknown) => string | null | undefined) => {
    const map = new Map<string, string>();
    for (const v of await texts(field)) {
      const parsed = parse(v);
      if (parsed !== undefined && (parsed ?? '') !== v) map.set(v, parsed ?? '');
    }
    return map;
  };
  return {
    verdict,
    policy,
    market: await codes('market', parseMarket),
    language: await codes('language', parseLanguage),
  };
}

/**
 * Registers `mqa_date_ms(text)`: the add-in's date reading (ISO,
 * Japanese forms, serials) in milliseconds, NULL when unreadable.
 */
const withDateFunction = new WeakSet<DuckDBConnection>();
function registerDateFunction(connection: DuckDBConnection): void {
  if (withDateFunction.has(connection)) return;
  withDateFunction.add(connection);
  registerDateReading(connection, 'mqa_date_ms', DOUBLE, (ms) => (typeof ms === 'number' ? ms : null));
}

/** The lot as a source for the SQL of `src/core/warehouse` (DuckDB dialect). */
export async function duckDbSource(
  lot: WarehouseLot,
  taxonomy: Taxonomy,
  dialect: SqlDialect = 'duckdb',
): Promise<LotSqlSource> {
  const dictionaries = await lotDictionaries(lot, taxonomy);
  const date = lot.column('decided_at');
  let decidedAtMs: string | undefined;
  if (date !== undefined) {
    const type = lot.types[lot.mapping.decided_at as number] ?? 'VARCHAR';
    if (/^(TIMESTAMP|DATE)/.test(type)) decidedAtMs = `epoch_ms(CAST(${date} AS TIMESTAMP))`;
    else {
      registerDateFunction(lot.connection);
      decidedAtMs = `mqa_date_ms(CAST(${date} AS VARCHAR))`;
    }
  }
  return { dialect, relation: lot.relation, order: 'row_no', column: (f) => lot.column(f), decidedAtMs, dictionaries };
}

/** What eligibleSql needs of a draw's options (risk weights from the taxonomy's severities). */
export function eligibleOptionsOf(options: WarehouseDrawOptions): EligibleSqlOptions {
  const policySeverity = Object.fromEntries(options.taxonomy.policies.map((p) => [p.code, p.severity])) as Record<
    string,
    Severity
  >;
  const riskWeights =
    options.method === 'risk_weighted' ? riskWeightsOf(policySeverity, options.severityWeights) : undefined;
  return {
    method: options.method,
    unit: options.unit,
    strata: options.strata,
    filters: options.filters,
    exclude: options.exclude,
    riskWeights,
  };
}

/**
 * Draws a sample from a lot in DuckDB as the add-in's sample flow would draw it from the same rows.
 *
 * @example const draw = await drawFromLot(lot, {
 *   method: 'simple', size: { kind: 'fixed', n: 2000 }, seed: 'w48', unit: 'decision', taxonomy,
 * });
 * Invalid input: errors of eligibleSql / allocateStrata (a stratum field SQL cannot group by, a bad quota).
 */
export async function drawFromLot(lot: WarehouseLot, options: WarehouseDrawOptions): Promise<WarehouseDraw> {
  const source = await duckDbSource(lot, options.taxonomy);
  const eligibleOptions = eligibleOptionsOf(options);
  const eligible = eligibleSql(source, eligibleOptions);
  const counts = await queryRows(lot.connection, `SELECT stratum, COUNT(*) AS n FROM (${eligible}) e GROUP BY stratum`);
  const lotSize = counts.reduce((s, r) => s + Number(r.n), 0);
  let excluded = 0;
  if (options.exclude?.size) {
    const all = await queryRows(
      lot.connection,
      `SELECT COUNT(*) AS n FROM (${eligibleSql(source, { ...eligibleOptions, exclude: undefined })}) e`,
    );
    excluded = Number(all[0].n) - lotSize;
  }
  const { n, plan } = sampleSizeFor(options.size, lotSize);
  let allocation: StratumAllocation[];
  let allocationSql: AllocationSql;
  if (options.method === 'risk_weighted') {
    allocation = [{ stratum: 'all', population: lotSize, sample: Math.min(n, lotSize) }];
    allocationSql = { kind: 'none', n };
  } else {
    allocation = allocateStrata(
      counts.map((r) => ({ stratum: String(r.stratum), population: Number(r.n) })),
      { ...options, size: n },
    );
    allocationSql = { kind: 'fixed', allocation };
  }
  const sql = drawSql({
    dialect: 'duckdb',
    eligible,
    seed: options.seed,
    unit: options.unit,
    allocation: allocationSql,
    riskWeighted: options.method === 'risk_weighted',
  });
  const order = options.method === 'risk_weighted' ? 'd.rank_in_stratum' : 'd.draw_key, d.item_id, d.row_no';
  const drawn = await lot.connection.runAndReadAll(
    `SELECT d.row_no AS "~row", d.item_id AS "~id", d.moderator AS "~moderator", ` +
      `d.stratum AS "~stratum", d.draw_key AS "~key", d.weight AS "~weight", src.* EXCLUDE (row_no) ` +
      `FROM (${sql}) d JOIN ${lot.relation} src ON src.row_no = d.row_no ORDER BY ${order}`,
  );
  const rows = drawn.getRowsJS().map((r) => ({
    row: Number(r[0]),
    itemId: String(r[1]),
    moderator: String(r[2]),
    stratum: String(r[3]),
    key: Number(r[4]),
    weight: Number(r[5]),
    values: r.slice(6).map(toCell),
  }));
  return { rows, allocation, lotSize, excluded, plan, sql };
}

/** A DuckDB value as a cell value: dates as ISO text (the add-in reads them back), big integers in full digits. */
function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date)
    return v
      .toISOString()
      .replace('T', ' ')
      .replace(/\.000Z$|Z$/, '');
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
