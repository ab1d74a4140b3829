import type { StratumAllocation } from '../sampling/allocate';

/**
 * The draw as SQL text, for the three engines a moderation team's decisions live in. The add-in
 * ranks each unit of the lot by MD5(seed:key) (docs/SAMPLING.md); every engine here computes the
 * same 52-bit key, so the same seed draws the same decisions in Excel, DuckDB, BigQuery and Spark.
 * Pure text: nothing here runs a query.
 */
export const SQL_DIALECTS = ['duckdb', 'bigquery', 'spark'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/**
 * A string literal in the dialect's syntax. DuckDB follows standard SQL (a quote is doubled);
 * BigQuery and Spark SQL take backslash escapes (in Spark two adjacent literals are concatenated,
 * so a doubled quote would silently drop the quote).
 *
 * @example sqlString("it's", 'duckdb') // "'it''s'"
 * @example sqlString("it's", 'bigquery') // "'it\\'s'"
 * Invalid input: none; any text becomes a literal of exactly that text.
 */
export function sqlString(text: string, dialect: SqlDialect): string {
  if (dialect === 'duckdb') return `'${text.replace(/'/g, "''")}'`;
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `'${escaped}'`;
}

/**
 * A column or table name in the dialect's quoting: "name" in DuckDB, `name` in BigQuery and Spark.
 *
 * @example sqlName('判定', 'spark') // '`判定`'
 * Invalid input: none; quotes inside the name are escaped.
 */
export function sqlName(name: string, dialect: SqlDialect): string {
  if (dialect === 'duckdb') return `"${name.replace(/"/g, '""')}"`;
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** Concatenation of text expressions (BigQuery has no `||` for every type; CONCAT is in all three). */
const concat = (parts: string[], dialect: SqlDialect) =>
  dialect === 'duckdb' ? parts.join(' || ') : `CONCAT(${parts.join(', ')})`;

/**
 * The draw key of a row: the first 13 hex digits of MD5(keyText) as an integer ÷ 2^52, a number in
 * [0, 1) that is exact in a double. `keyText` is an SQL text expression (see `keyTextSql`).
 *
 * @example drawKeySql("'w48:' || item_id", 'duckdb')
 *   // "('0x' || substr(md5('w48:' || item_id), 1, 13))::UBIGINT / 4503599627370496"
 * Invalid input: none (the expression is not checked).
 */
export function drawKeySql(keyText: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return `('0x' || substr(md5(${keyText}), 1, 13))::UBIGINT / 4503599627370496`;
    case 'bigquery':
      return `CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(${keyText})), 1, 13)) AS INT64) / POW(2, 52)`;
    case 'spark':
      return `CAST(conv(substr(md5(${keyText}), 1, 13), 16, 10) AS BIGINT) / power(2, 52)`;
  }
}

/** What a unit of the lot is: one decision (the default) or one item (its first decision stands for it). */
export type DrawUnit = 'decision' | 'item';

/**
 * The text a unit's key hashes (docs/SAMPLING.md): `seed:item_id` for an item;
 * `seed:item_id:moderator:decided_at` for a decision, the time as ISO 8601 UTC to the second
 * ('' without one) — `decidedKey` is that text as an SQL expression.
 *
 * @example keyTextSql('w48', 'item', { itemId: 'item_id' }, 'duckdb') // "'w48:' || item_id"
 * Invalid input: a decision-level key without the moderator and time expressions throws an Error.
 */
export function keyTextSql(
  seed: string,
  unit: DrawUnit,
  columns: { itemId: string; moderator?: string; decidedKey?: string },
  dialect: SqlDialect,
): string {
  const s = (t: string) => sqlString(t, dialect);
  if (unit === 'item') return concat([s(`${seed}:`), columns.itemId], dialect);
  if (!columns.moderator || !columns.decidedKey)
    throw new Error('a decision-level key needs the moderator and decided_at expressions');
  return concat([s(`${seed}:`), columns.itemId, s(':'), columns.moderator, s(':'), columns.decidedKey], dialect);
}

/**
 * decided_at as the decision key writes it — ISO 8601 UTC to the second, fractions dropped — from
 * an expression of UTC milliseconds (NULL: no time, written as '').
 *
 * @example decidedKeySql('decided_ms', 'duckdb') // "COALESCE(strftime(make_timestamp(…), '%Y-%m-%dT%H:%M:%SZ'), '')"
 */
export function decidedKeySql(ms: string, dialect: SqlDialect): string {
  const seconds = `CAST(FLOOR(${ms} / 1000) AS ${dialect === 'bigquery' ? 'INT64' : 'BIGINT'})`;
  switch (dialect) {
    case 'duckdb':
      return `COALESCE(strftime(make_timestamp(${seconds} * 1000000), '%Y-%m-%dT%H:%M:%SZ'), '')`;
    case 'bigquery':
      return `IFNULL(FORMAT_TIMESTAMP('%Y-%m-%dT%H:%M:%SZ', TIMESTAMP_SECONDS(${seconds}), 'UTC'), '')`;
    case 'spark':
      // Needs the session time zone UTC (SET spark.sql.session.timeZone = UTC), as docs/SAMPLING.md says.
      return `coalesce(date_format(timestamp_seconds(${seconds}), "yyyy-MM-dd'T'HH:mm:ss'Z'"), '')`;
  }
}

/** How the sample is split across strata in SQL. */
export type AllocationSql =
  /** All eligible rows form one stratum of n (simple and risk-weighted draws). */
  | { kind: 'none'; n: number }
  /** n split by stratum size, largest remainder, ties to the earlier stratum (as `allocate`). */
  | { kind: 'proportional'; n: number }
  /** k per stratum (per moderator), all of a stratum's if fewer. */
  | { kind: 'quota'; k: number }
  /** An allocation computed beforehand (minimum per stratum, Neyman): a literal table. */
  | { kind: 'fixed'; allocation: readonly StratumAllocation[] };

export interface DrawSqlSpec {
  dialect: SqlDialect;
  /**
   * A query giving the eligible units with the columns `row_no`, `item_id`, `moderator`,
   * `decided_key`, `stratum` (text, '—' for an empty value) and, for risk-weighted draws,
   * `risk_weight`; plus whatever the caller wants returned. Filters, exclusions and the
   * choice of one row per item are the caller's (see `eligibleSql`).
   */
  eligible: string;
  seed: string;
  unit: DrawUnit;
  allocation: AllocationSql;
  /** Rank by the Efraimidis–Spirakis key −ln(u)/w instead of u (risk-weighted draws). */
  riskWeighted?: boolean;
}

const FLOAT: Record<SqlDialect, string> = { duckdb: 'DOUBLE', bigquery: 'FLOAT64', spark: 'DOUBLE' };

/** The allocation CTE body: one row per stratum with n_stratum (N_h) and n_h. */
function allocationSql(a: AllocationSql, dialect: SqlDialect): string {
  const f = FLOAT[dialect];
  switch (a.kind) {
    case 'none':
      return `SELECT stratum, n_stratum, LEAST(${a.n}, n_stratum) AS n_h FROM counts`;
    case 'quota':
      return `SELECT stratum, n_stratum, LEAST(${a.k}, n_stratum) AS n_h FROM counts`;
    case 'fixed': {
      if (a.allocation.length === 0) return `SELECT stratum, n_stratum, 0 AS n_h FROM counts WHERE 1 = 0`;
      const rows = a.allocation
        .map((x) => `SELECT ${sqlString(x.stratum, dialect)} AS stratum, ${x.sample} AS n_h`)
        .join('\n    UNION ALL ');
      return `SELECT c.stratum, c.n_stratum, a.n_h FROM counts c JOIN (\n    ${rows}\n  ) a ON a.stratum = c.stratum`;
    }
    case 'proportional':
      // As allocate(): target = min(n, N); each stratum gets floor(target·N_h/N), and what is left
      // goes one by one to the largest remainders, ties to the earlier stratum in sorted order.
      return [
        `SELECT stratum, n_stratum, base + CASE WHEN remainder_rank <= target - SUM(base) OVER () THEN 1 ELSE 0 END ` +
          `AS n_h FROM (`,
        `    SELECT stratum, n_stratum, target, base, ROW_NUMBER() OVER (ORDER BY exact - base DESC, stratum) ` +
          `AS remainder_rank FROM (`,
        `      SELECT stratum, n_stratum, target, exact, FLOOR(exact) AS base FROM (`,
        `        SELECT stratum, n_stratum, target, CAST(target * n_stratum AS ${f}) / total AS exact FROM (`,
        `          SELECT stratum, n_stratum, LEAST(${a.n}, SUM(n_stratum) OVER ()) AS target, ` +
          `SUM(n_stratum) OVER () AS total FROM counts`,
        `        ) t4`,
        `      ) t3`,
        `    ) t2`,
        `  ) t1`,
      ].join('\n');
  }
}

/**
 * The draw as one SELECT: keys, strata sizes, the allocation, and the k smallest keys per stratum
 * (bottom-k), returned in key order with `draw_key`, `n_stratum` (N_h), `n_h` and `weight` (N_h/n_h).
 *
 * @example drawSql({
 *   dialect: 'bigquery', eligible: 'SELECT … FROM decisions', seed: 'w48', unit: 'item',
 *   allocation: { kind: 'none', n: 50 },
 * })
 * Invalid input: a negative or fractional n or k throws a RangeError.
 */
export function drawSql(spec: DrawSqlSpec): string {
  const { dialect } = spec;
  const a = spec.allocation;
  const n = a.kind === 'quota' ? a.k : a.kind === 'fixed' ? 0 : a.n;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample size must be a whole number ≥ 0, got ${n}`);
  const f = FLOAT[dialect];
  const key = drawKeySql(
    keyTextSql(spec.seed, spec.unit, { itemId: 'item_id', moderator: 'moderator', decidedKey: 'decided_key' }, dialect),
    dialect,
  );
  // Ties (the same key) as the add-in breaks them: by item ID, then in row order.
  const tie = 'item_id, row_no';
  // −ln(u)/w, with u = 0 read as the smallest double, as the add-in does.
  const rank = spec.riskWeighted
    ? `-LN(CASE WHEN draw_key = 0 THEN 5e-324 ELSE draw_key END) / risk_weight`
    : 'draw_key';
  const weight = spec.riskWeighted
    ? `1 / LEAST(1, CAST(a.n_h * risk_weight AS ${f}) / total_weight)`
    : `CASE WHEN a.n_h = 0 THEN 0 ELSE CAST(c.n_stratum AS ${f}) / a.n_h END`;
  const totalWeight = spec.riskWeighted ? ', SUM(risk_weight) OVER () AS total_weight' : '';
  return [
    `WITH eligible AS (`,
    `  ${spec.eligible}`,
    `),`,
    `keyed AS (`,
    `  SELECT e.*, ${key} AS draw_key${totalWeight} FROM eligible e`,
    `),`,
    `counts AS (`,
    `  SELECT stratum, COUNT(*) AS n_stratum FROM keyed GROUP BY stratum`,
    `),`,
    `allocation AS (`,
    `  ${allocationSql(a, dialect)}`,
    `),`,
    `ranked AS (`,
    `  SELECT k.*, ROW_NUMBER() OVER (PARTITION BY stratum ORDER BY ${rank}, ${tie}) AS rank_in_stratum FROM keyed k`,
    `)`,
    `SELECT r.*, c.n_stratum, a.n_h, ${weight} AS weight`,
    `FROM ranked r JOIN allocation a ON a.stratum = r.stratum JOIN counts c ON c.stratum = r.stratum`,
    `WHERE r.rank_in_stratum <= a.n_h`,
    `ORDER BY r.draw_key, ${tie
      .split(', ')
      .map((t) => `r.${t}`)
      .join(', ')}`,
  ].join('\n');
}
