/**
 * `--emit-sql duckdb|bigquery|spark`: the draw as one query for the analyst's own warehouse. The
 * lot file given to the CLI supplies what the query cannot know by itself: the lot's spellings of
 * verdicts, policies and markets (translated by the add-in's parsers), its size (for an ISO 2859-1
 * or percent size) and, for a minimum per stratum or a Neyman split, the allocation.
 */
import type { DecisionField } from '../../core/model';
import { drawSql, sqlName, type AllocationSql, type SqlDialect } from '../../core/warehouse/drawSql';
import { eligibleSql, type LotSqlSource } from '../../core/warehouse/lotSql';
import { duckDbSource, eligibleOptionsOf, type WarehouseDraw, type WarehouseDrawOptions } from './drawLot';
import type { WarehouseLot } from './lot';

const MILLIS: Record<SqlDialect, (x: string) => string> = {
  duckdb: (x) => `epoch_ms(CAST(${x} AS TIMESTAMP))`,
  bigquery: (x) => `UNIX_MILLIS(CAST(${x} AS TIMESTAMP))`,
  spark: (x) => `unix_millis(CAST(${x} AS TIMESTAMP))`,
};

/**
 * How the emitted query splits the sample: in SQL where SQL can
 * (so the query stands alone), else as the CLI computed it.
 */
function allocationFor(options: WarehouseDrawOptions, draw: WarehouseDraw): AllocationSql {
  const n = draw.allocation.reduce((s, a) => s + a.sample, 0);
  switch (options.method) {
    case 'simple':
    case 'risk_weighted':
      return { kind: 'none', n };
    case 'moderator_quota':
      return { kind: 'quota', k: options.quota ?? 0 };
    case 'stratified_proportional':
      if (!options.minimumPerStratum) return { kind: 'proportional', n };
      return { kind: 'fixed', allocation: draw.allocation };
    case 'stratified_neyman':
      return { kind: 'fixed', allocation: draw.allocation };
  }
}

export interface EmitSqlOptions {
  dialect: SqlDialect;
  /** The warehouse table holding the decisions, with the same column names as the lot file. */
  table: string;
}

/**
 * The draw as text in a dialect, for the decisions table of a warehouse that has the same columns
 * as `lot`. `draw` is the same draw made on the lot (for its size and allocation).
 *
 * @example emitDrawSql(lot, options, draw, { dialect: 'bigquery', table: 'proj.qa.decisions' })
 * Invalid input: as eligibleSql.
 */
export async function emitDrawSql(
  lot: WarehouseLot,
  options: WarehouseDrawOptions,
  draw: WarehouseDraw,
  emit: EmitSqlOptions,
): Promise<string> {
  const { dialect } = emit;
  const local = await duckDbSource(lot, options.taxonomy, dialect);
  const column = (field: DecisionField) => {
    const i = lot.mapping[field];
    return i === undefined ? undefined : sqlName(lot.header[i], dialect);
  };
  const dated = column('decided_at');
  const source: LotSqlSource = {
    ...local,
    relation: emit.table
      .split('.')
      .map((part) => sqlName(part, dialect))
      .join('.'),
    // A warehouse keeps no row order: the first judgment is the earliest one (then the lowest ID).
    order: dated ?? (column('item_id') as string),
    column,
    decidedAtMs: dated ? MILLIS[dialect](dated) : undefined,
  };
  const eligible = eligibleSql(source, eligibleOptionsOf(options));
  const sql = drawSql({
    dialect,
    eligible,
    seed: options.seed,
    unit: options.unit,
    allocation: allocationFor(options, draw),
    riskWeighted: options.method === 'risk_weighted',
  });
  const header = [
    `-- Moderation QA: batch draw, ${options.method}, ` +
      `seed ${JSON.stringify(options.seed)}, ${options.unit === 'item' ? 'one decision per item' : 'every decision'}.`,
    `-- Lot in the file given to the CLI: ${draw.lotSize} eligible; ` +
      `sample ${draw.rows.length}. Same key as the add-in (docs/SAMPLING.md).`,
    dated ? '' : "-- The lot has no decided_at column: rows are ordered by item ID to pick an item's first decision.",
  ].filter(Boolean);
  return `${header.join('\n')}\n${sql};\n`;
}
