/**
 * `validate` on a lot file, at warehouse scale: the add-in's decision rules over every row, run in
 * DuckDB, returning counts per rule and the first findings of each rule with their row numbers.
 *
 * The rules stay the add-in's own. What a rule says of a verdict, a policy, a market or a
 * language (unknown, deprecated, not allowed for the verdict, approve with a policy, …) is asked
 * of the add-in's validator once per distinct combination of those cells in the lot (a "shape"),
 * and SQL joins the answer back to every row; the rules that look across rows (repeats and
 * disagreements) or at high-cardinality cells (IDs, moderators, dates) are written in SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { INTEGER } from '@duckdb/node-api';
import { CELL_ERROR_VALUES, columnLetter } from '../../excelSpec';
import type { Mapping } from '../../core/mapping/detectMapping';
import { DECISION_FIELDS, REQUIRED_FIELDS, type DecisionField } from '../../core/model';
import type { Lang } from '../../i18n';
import type { CellValue } from '../../excelSpec';
import type { Taxonomy } from '../../core/taxonomy/types';
import { createDecisionValidator } from '../../core/validation/createDecisionValidator';
import { makeFinding, type Finding, type FindingCode } from '../../core/findings/finding';
import { renderFinding } from '../../flows/renderFinding';
import { sqlString } from '../../core/warehouse/drawSql';
import { duckDbSource } from './drawLot';
import { queryRows, registerDateReading, type WarehouseLot } from './lot';

/** The fields whose cells the add-in checks for error values, in its order. */
const ERROR_FIELDS: DecisionField[] = ['item_id', 'moderator', 'verdict', 'policy', 'decided_at', 'market', 'language'];
/** The fields a shape is made of: the add-in's validator judges them from the cell alone. */
const SHAPE_FIELDS: DecisionField[] = ['verdict', 'policy', 'market', 'language'];

export interface LotValidation {
  rowsChecked: number;
  counts: Partial<Record<FindingCode, number>>;
  /** The first `perRule` findings of each rule, in row order, with their message. */
  findings: (Finding & { address: string; message: string })[];
}

export interface ValidateLotOptions {
  taxonomy: Taxonomy;
  now: number;
  lang: Lang;
  /** Findings listed per rule (counts cover them all). Default 20. */
  perRule?: number;
}

/** `mqa_date_state(text)`: 0 empty, 1 a date the add-in reads, 2 unreadable. */
function registerDateState(connection: DuckDBConnection): void {
  registerDateReading(connection, 'mqa_date_state', INTEGER, (d) => (d === null ? 0 : d === undefined ? 2 : 1));
}

/** What the add-in's validator finds in one shape's cells, for those cells only. */
function shapeFindings(
  values: Partial<Record<DecisionField, string>>,
  otherError: boolean,
  mapping: Mapping,
  taxonomy: Taxonomy,
): Finding[] {
  const fields = SHAPE_FIELDS.filter((f) => mapping[f] !== undefined);
  const synthetic: Mapping = { item_id: 0, moderator: 1 };
  fields.forEach((f, i) => (synthetic[f] = i + 2));
  // Another cell of the row holding an error value silences the "unknown …" rules, as in the add-in.
  const row: CellValue[] = [otherError ? '#N/A' : 'id', 'moderator', ...fields.map((f) => values[f] ?? '')];
  const v = createDecisionValidator({ mapping: synthetic, taxonomy, now: 0 });
  v.addChunk([row], 2);
  return v
    .finish()
    .findings.filter((f) => fields.includes(f.field as DecisionField))
    .map((f) => ({ ...f, column: mapping[f.field as DecisionField] as number }));
}

/**
 * Validates every row of a lot with the add-in's decision rules.
 *
 * @example const v = await validateLot(lot, { taxonomy, now: Date.now(), lang: 'en' }); v.counts.unknown_policy
 * Invalid input: a lot without a required column gives one missing_required_column finding per field (header row).
 */
export async function validateLot(lot: WarehouseLot, options: ValidateLotOptions): Promise<LotValidation> {
  const perRule = options.perRule ?? 20;
  const { connection, mapping } = lot;
  const counts: Partial<Record<FindingCode, number>> = {};
  const listed: Finding[] = [];
  for (const f of REQUIRED_FIELDS) {
    if (mapping[f] !== undefined) continue;
    counts.missing_required_column = (counts.missing_required_column ?? 0) + 1;
    listed.push(makeFinding('missing_required_column', 1, 0, f, { field: f }));
  }
  const source = await duckDbSource(lot, options.taxonomy);
  registerDateState(connection);
  const text = (f: DecisionField) => (lot.column(f) === undefined ? 'NULL' : `CAST(${lot.column(f)} AS VARCHAR)`);
  const errorIn = (f: DecisionField) =>
    lot.column(f) === undefined
      ? 'FALSE'
      : `COALESCE(${text(f)} IN (${CELL_ERROR_VALUES.map((e) => sqlString(e, 'duckdb')).join(', ')}), FALSE)`;
  const otherError = ['item_id', 'moderator', 'decided_at'].map((f) => errorIn(f as DecisionField)).join(' OR ');
  const anyError = ERROR_FIELDS.map(errorIn).join(' OR ');
  const idType = lot.types[mapping.item_id as number] ?? 'VARCHAR';
  const numericId = /INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(idType);

  // One row per sheet row that is not blank, with what the SQL rules need.
  const idPrecision =
    numericId && lot.column('item_id') ? `ABS(CAST(${lot.column('item_id')} AS DOUBLE)) >= 1e15` : 'FALSE';
  const nonBlank = lot.header.map((_, i) => `COALESCE(CAST(${lot.columnAt(i)} AS VARCHAR), '') <> ''`).join(' OR ');
  await connection.run(`CREATE OR REPLACE TEMP TABLE checked AS
    SELECT row_no,
      ${SHAPE_FIELDS.map((f) => `${text(f)} AS s_${f}`).join(', ')},
      ${otherError || 'FALSE'} AS other_error, ${anyError} AS any_error,
      ${ERROR_FIELDS.map((f) => `${errorIn(f)} AS e_${f}`).join(', ')},
      ${text('item_id')} AS raw_item_id, ${text('moderator')} AS raw_moderator, ${text('decided_at')} AS raw_decided_at,
      TRIM(COALESCE(${text('item_id')}, '')) AS item_id,
      TRIM(COALESCE(${text('moderator')}, '')) AS moderator,
      ${lot.column('decided_at') === undefined ? '0' : `mqa_date_state(${text('decided_at')})`} AS date_state,
      ${source.decidedAtMs ?? 'NULL'} AS decided_ms,
      ${idPrecision} AS id_precision
    FROM ${lot.relation} WHERE ${nonBlank || 'FALSE'}`);
  const rowsChecked = Number((await queryRows(connection, 'SELECT COUNT(*) AS n FROM checked'))[0].n);

  // Shapes: each distinct combination of verdict, policy, market and language cells.
  const shapes = await queryRows(
    connection,
    `SELECT ${SHAPE_FIELDS.map((f) => `s_${f}`).join(', ')}, other_error, ` +
      `COUNT(*) AS n, MIN(row_no) AS first FROM checked GROUP BY ALL`,
  );
  const shapeRules: { where: string; finding: Finding; n: number }[] = [];
  for (const s of shapes) {
    const values = Object.fromEntries(SHAPE_FIELDS.map((f) => [f, s[`s_${f}`] === null ? '' : String(s[`s_${f}`])]));
    for (const f of shapeFindings(values, Boolean(s.other_error), mapping, options.taxonomy)) {
      const where = [
        ...SHAPE_FIELDS.map((x) =>
          s[`s_${x}`] === null ? `s_${x} IS NULL` : `s_${x} = ${sqlString(String(s[`s_${x}`]), 'duckdb')}`,
        ),
        `other_error = ${s.other_error ? 'TRUE' : 'FALSE'}`,
      ].join(' AND ');
      shapeRules.push({ where, finding: f, n: Number(s.n) });
    }
  }
  // SQL rules over single rows: (code, field, condition, params as SQL).
  const rowRules: { code: FindingCode; field: DecisionField; when: string; params: Record<string, string> }[] = [];
  for (const f of ['item_id', 'moderator', 'decided_at'] as DecisionField[]) {
    if (lot.column(f) !== undefined)
      rowRules.push({ code: 'error_value', field: f, when: `e_${f}`, params: { value: `raw_${f}` } });
  }
  if (lot.column('item_id') !== undefined) {
    rowRules.push({ code: 'missing_value', field: 'item_id', when: `item_id = ''`, params: { field: `'item_id'` } });
    if (numericId) {
      rowRules.push({
        code: 'id_precision_loss',
        field: 'item_id',
        when: `item_id <> '' AND id_precision`,
        params: { value: 'item_id' },
      });
      rowRules.push({
        code: 'id_not_text',
        field: 'item_id',
        when: `item_id <> '' AND NOT id_precision`,
        params: { value: 'item_id' },
      });
    }
  }
  if (lot.column('moderator') !== undefined)
    rowRules.push({
      code: 'missing_value',
      field: 'moderator',
      when: `moderator = ''`,
      params: { field: `'moderator'` },
    });
  if (lot.column('decided_at') !== undefined) {
    rowRules.push({
      code: 'unparseable_date',
      field: 'decided_at',
      when: `date_state = 2 AND NOT any_error`,
      params: { value: 'raw_decided_at' },
    });
    rowRules.push({
      code: 'future_date',
      field: 'decided_at',
      when: `date_state = 1 AND decided_ms > ${options.now + 86400000}`,
      params: { value: `strftime(make_timestamp(CAST(decided_ms AS BIGINT) * 1000), '%Y-%m-%d %H:%M')` },
    });
  }

  for (const rule of rowRules) {
    const params = Object.entries(rule.params)
      .map(([k, v]) => `${v} AS p_${k}`)
      .join(', ');
    await listRule(
      connection,
      `SELECT row_no, ${params} FROM checked WHERE ${rule.when}`,
      perRule,
      (r) => makeFinding(rule.code, r.row, mapping[rule.field] as number, rule.field, r.params),
      counts,
      listed,
    );
  }
  for (const { finding, n } of shapeRules) counts[finding.code] = (counts[finding.code] ?? 0) + n;
  // The first rows of each shape rule's code, across the shapes that have it.
  const byCode = new Map<FindingCode, typeof shapeRules>();
  for (const r of shapeRules) byCode.set(r.finding.code, [...(byCode.get(r.finding.code) ?? []), r]);
  for (const [, rules] of byCode) {
    const union = rules.map((r, i) => `SELECT row_no, ${i} AS rule FROM checked WHERE ${r.where}`).join(' UNION ALL ');
    for (const r of await queryRows(
      connection,
      `SELECT row_no, rule FROM (${union}) ORDER BY row_no, rule LIMIT ${perRule}`,
    )) {
      const f = rules[Number(r.rule)].finding;
      listed.push({ ...f, row: Number(r.row_no) });
    }
  }
  await listDuplicates(connection, lot, source.dictionaries, perRule, counts, listed);

  // Each source listed its own first findings; keep the first `perRule` of each rule overall.
  const order = (f: Finding) => DECISION_FIELDS.indexOf(f.field as DecisionField);
  listed.sort((a, b) => a.row - b.row || order(a) - order(b));
  const kept = new Map<FindingCode, number>();
  const first = listed.filter((f) => {
    const n = kept.get(f.code) ?? 0;
    kept.set(f.code, n + 1);
    return n < perRule;
  });
  const findings = first.map((f) => {
    const cell = `${columnLetter(f.column)}${f.row}`;
    return { ...f, address: cell, message: renderFinding(f, options.lang, undefined, cell) };
  });
  await connection.run('DROP TABLE checked');
  return { rowsChecked, counts, findings };
}

/**
 * Runs a query whose rows are one rule's findings (row_no and p_* params), counts them all and
 * lists the first `perRule` in row order.
 */
async function listRule(
  connection: DuckDBConnection,
  select: string,
  perRule: number,
  toFinding: (r: { row: number; params: Record<string, string | number> }) => Finding,
  counts: Partial<Record<FindingCode, number>>,
  listed: Finding[],
): Promise<void> {
  const rows = await queryRows(
    connection,
    `SELECT COUNT(*) OVER () AS "~total", * FROM (${select}) q ORDER BY row_no LIMIT ${perRule}`,
  );
  if (!rows.length) return;
  const params = (r: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k.startsWith('p_'))
        .map(([k, v]) => [k.slice(2), typeof v === 'number' ? v : String(v ?? '')]),
    );
  const first = toFinding({ row: Number(rows[0].row_no), params: params(rows[0]) });
  counts[first.code] = (counts[first.code] ?? 0) + Number(rows[0]['~total']);
  for (const r of rows) listed.push(toFinding({ row: Number(r.row_no), params: params(r) }));
}

/**
 * The add-in's rules for items judged more than once (createDecisionValidator): a decision is
 * item + moderator + time; a later row of the same decision is a repeat (duplicate_item, or
 * duplicate_conflicting when its verdict or policy differs); another decision on an item whose
 * verdict or policy differs from the item's first row is conflicting_judgments (info). The policy
 * counts only when the verdict enforces.
 */
async function listDuplicates(
  connection: DuckDBConnection,
  lot: WarehouseLot,
  dictionaries: { verdict: ReadonlyMap<string, string>; policy: ReadonlyMap<string, string> },
  perRule: number,
  counts: Partial<Record<FindingCode, number>>,
  listed: Finding[],
): Promise<void> {
  if (lot.column('item_id') === undefined) return;
  const map = (raw: string, m: ReadonlyMap<string, string>, fallback: string) => {
    const whens = [...m].map(([from, to]) => `WHEN ${sqlString(from, 'duckdb')} THEN ${sqlString(to, 'duckdb')}`);
    return m.size ? `CASE ${raw} ${whens.join(' ')} ELSE ${fallback} END` : fallback;
  };
  const verdict = map('s_verdict', dictionaries.verdict, `''`);
  const policy = map('s_policy', dictionaries.policy, `TRIM(COALESCE(s_policy, ''))`);
  const enforcing = `verdict IN ('remove', 'age_restrict', 'fyf_ineligible')`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE repeats AS
    SELECT *,
      FIRST_VALUE(row_no) OVER d AS decision_row, FIRST_VALUE(label) OVER d AS decision_label,
      FIRST_VALUE(shown) OVER d AS decision_verdict, FIRST_VALUE(shown_policy) OVER d AS decision_policy,
      ROW_NUMBER() OVER d AS nth_of_decision,
      FIRST_VALUE(row_no) OVER i AS item_row, FIRST_VALUE(label) OVER i AS item_label,
      FIRST_VALUE(shown) OVER i AS item_verdict, FIRST_VALUE(shown_policy) OVER i AS item_policy,
      FIRST_VALUE(moderator) OVER i AS item_moderator, ROW_NUMBER() OVER i AS nth_of_item
    FROM (
      SELECT row_no, item_id, moderator, decided_ms, verdict AS shown,
        CASE WHEN ${enforcing} AND policy <> '' THEN '(' || policy || ')' ELSE '' END AS shown_policy,
        verdict || CASE WHEN ${enforcing} THEN '/' || policy ELSE '' END AS label
      FROM (
        SELECT row_no, item_id, moderator, decided_ms, ${verdict} AS verdict, ${policy} AS policy
        FROM checked WHERE item_id <> ''
      ) v
    ) j
    WINDOW d AS (PARTITION BY item_id, moderator, decided_ms ORDER BY row_no),
      i AS (PARTITION BY item_id ORDER BY row_no)`);
  const column = lot.mapping.item_id as number;
  const repeatRules: [FindingCode, string][] = [
    [
      'duplicate_conflicting',
      `SELECT row_no, item_id AS p_value, moderator AS p_moderator, decision_row AS p_otherRow, ` +
        `decision_verdict AS p_otherVerdict, decision_policy AS p_otherPolicy FROM repeats WHERE ` +
        `nth_of_decision > 1 AND label <> decision_label`,
    ],
    [
      'duplicate_item',
      `SELECT row_no, item_id AS p_value, moderator AS p_moderator, decision_row AS p_otherRow ` +
        `FROM repeats WHERE nth_of_decision > 1 AND label = decision_label`,
    ],
    [
      'conflicting_judgments',
      `SELECT row_no, item_id AS p_value, item_moderator AS p_otherModerator, ` +
        `item_row AS p_otherRow, item_verdict AS p_otherVerdict, item_policy AS p_otherPolicy ` +
        `FROM repeats WHERE nth_of_decision = 1 AND nth_of_item > 1 AND label <> item_label`,
    ],
  ];
  for (const [code, select] of repeatRules)
    await listRule(
      connection,
      select,
      perRule,
      (r) => makeFinding(code, r.row, column, 'item_id', r.params),
      counts,
      listed,
    );
  await connection.run('DROP TABLE repeats');
}
