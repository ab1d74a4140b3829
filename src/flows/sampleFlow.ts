import type { Mapping } from '../core/mapping/detectMapping';
import {
  col,
  inspectionHeader,
  inspectionSheet,
  listValues,
  locateInspectionColumns,
  outcomeLabel,
  type DrawnRow,
  type InspectionColumnSpec,
} from './schema/inspectionSheet';
import { queueOwnedHeader, queueOwnedSheet } from './ownedSheet';
import { batchesSheet } from './schema/batchesSheet';
import { matchKey } from '../core/text/matchKey';
import { DECISION_FIELDS, OUTCOMES, type DecisionField, type Severity } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { samplingPlan, type SamplingPlan } from '../core/iso2859/samplingPlan';
import type { Aql, Inspection, InspectionLevel } from '../core/iso2859/planTables';
import { cochranSampleSize } from '../core/sampling/cochranSampleSize';
import {
  drawFromEligible,
  fillDrawKeys,
  drawnDecisionKey,
  selectEligible,
  type SampleFilters,
  type SampleResult,
  type SamplingMethod,
  type SamplingUnit,
} from '../core/sampling/drawSample';
import { createDecisionValidator, type DecisionValidatorOptions } from '../core/validation/createDecisionValidator';
import type { Decision } from '../core/decisions/decision';
import { FlowError, throwIfCancelled, toFlowError, type BatchRunner, type FlowControl } from './host';
import { locateDecisions, readDecisionChunks, type DecisionsLocation } from './readDecisions';
import {
  MAX_BATCH_ID,
  REASONS_SHEET,
  TAXONOMY_SHEET,
  calibrationMemberBatch,
  inspectionSheetName,
  inspectionTableName,
  isInspectionSheet,
  batchNameProblem,
  reportSheetName,
} from './sheets';
import { queueDefaultReasons, queueReasonsRead, type ReasonsRead } from './reasonsFlow';
import { loadTaxonomy } from './taxonomyFlow';
import { readNamedColumns } from './readColumns';
import type { Taxonomy } from '../core/taxonomy/types';
import { columnRuns, removeSheetQuietly, writeRows } from './writeTable';
import { LOAD_RESPONSE_BYTES, OPERATION_BYTES, RequestBudget, rowsBytes } from './chunks';
import { parseItemId } from '../core/normalize/parseItemId';
import { parseVerdict } from '../core/normalize/parseVerdict';

/** How many items to draw: a fixed n, a percent of the lot, an ISO 2859-1 plan, or Cochran. */
export type SampleSize =
  | { kind: 'fixed'; n: number }
  | { kind: 'percent'; percent: number }
  | { kind: 'iso2859'; level: InspectionLevel; aql: Aql; inspection?: Inspection }
  | { kind: 'cochran'; confidence: number; margin: number; proportion?: number };

export interface SampleFlowOptions extends FlowControl {
  batch: string;
  method: SamplingMethod;
  size: SampleSize;
  seed: string;
  strata?: DecisionField[];
  minimumPerStratum?: number;
  quota?: number;
  expectedErrorRate?: Record<string, number>;
  filters?: SampleFilters;
  /** Sample decisions (default: every judgment can be drawn) or items (one row per item ID). */
  unit?: SamplingUnit;
  /**
   * A calibration batch: two inspectors or more, each given the same drawn items in their own
   * sheet, "QA <batch>-1", "QA <batch>-2"… (batches of their own), so co-authors never write the same cells.
   */
  inspectors?: string[];
  /**
   * Blind review: the pane hides the moderator's verdict and
   * policy until the inspector saves (default for calibration).
   */
  blind?: boolean;
  /** Draw again from items earlier batches sampled (off by default). */
  includePreviouslySampled?: boolean;
  sheet?: string;
  mapping?: Mapping;
  lang?: Lang;
  now?: number;
  createdBy?: string;
  /**
   * A sample drawn elsewhere from a bigger lot (the CLI's warehouse path), whose rows are the
   * decisions sheet of this workbook: written as if this flow had drawn it, with the lot's size,
   * plan and per-stratum counts recorded for weighting.
   */
  predrawn?: PredrawnSample;
}

/** See SampleFlowOptions.predrawn. `drawn.items[].row` are rows of the decisions sheet here. */
export interface PredrawnSample {
  drawn: SampleResult;
  lotSize: number;
  plan?: SamplingPlan;
  /** Where the lot came from, kept in the batch's parameters (file, engine). */
  source: Record<string, string | number>;
}

/** What a draw gave: the preview's figures (`leftOut`: rows that failed a required check — no ID, moderator or
 * known verdict; ragged — and are not in the lot), plus what was written. */
export interface SampleFlowResult extends SamplePreview {
  batch: string;
  /** A calibration batch's member batches, one per inspector (absent for an ordinary batch). */
  members?: { batch: string; inspector: string }[];
  sheet: string;
  itemIds: string[];
}

/** Outcome colors: green for correct, reds and oranges for the four errors, grey for pending. */
export const OUTCOME_COLORS: Record<string, string> = {
  correct: '#DFF6DD',
  over_enforcement: '#FDE7E9',
  under_enforcement: '#FED9CC',
  wrong_policy: '#FFF4CE',
  wrong_action: '#F9E0F0',
  pending: '#F3F2F1',
};

const tempSheetName = (batch: string) => `QA ~${batch}`.slice(0, 31);

/** Decisions keyed between two pauses of a draw: about 60 ms of MD5 on the workbench's machine. */
const KEY_SLICE = 10_000;
/** Lets the page paint and handle clicks (Cancel) before the flow goes on. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The number of items a sizing rule asks for on a lot. */
export function sampleSizeFor(size: SampleSize, lotSize: number): { n: number; plan?: SamplingPlan } {
  switch (size.kind) {
    case 'fixed':
      return { n: Math.min(size.n, lotSize) };
    case 'percent':
      return { n: Math.min(lotSize, Math.ceil((lotSize * size.percent) / 100)) };
    case 'cochran':
      return {
        n: Math.min(
          lotSize,
          cochranSampleSize({
            population: Math.max(1, lotSize),
            confidence: size.confidence,
            margin: size.margin,
            proportion: size.proportion,
          }),
        ),
      };
    case 'iso2859': {
      if (lotSize < 2) return { n: lotSize };
      const plan = samplingPlan({ lotSize, level: size.level, aql: size.aql, inspection: size.inspection });
      return { n: plan.sampleSize, plan };
    }
  }
}

/**
 * Draws a sample into a new inspection worksheet `QA <batch>`: an Excel table with the sampled
 * decisions (copied as text, so nothing can turn into a formula and IDs keep every digit) and the
 * QA columns, dropdowns for qa_verdict and qa_policy (a range on QA Taxonomy), colored outcomes,
 * frozen header and ID column; then a row in `QA Batches`. An existing batch is never
 * overwritten; an interrupted run leaves nothing half-written (the sheet is built under a
 * temporary name and the batch row is written last).
 */
export async function sampleFlow(run: BatchRunner, options: SampleFlowOptions): Promise<SampleFlowResult> {
  try {
    return await sample(run, options);
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(options.batch));
  }
}

/** What a draw would give, shown before anything is written. */
export interface SamplePreview {
  /** Eligible decisions after filters and earlier batches: the lot the sample speaks for. */
  lotSize: number;
  sampleSize: number;
  excluded: number;
  /** Rows left out of the lot for failing a required check. */
  leftOut: number;
  plan?: SamplingPlan;
  allocation: SampleResult['allocation'];
}

/** The figures of a draw that the preview shows and the result repeats. */
function figuresOf(d: { drawn: SampleResult; lotSize: number; plan?: SamplingPlan; leftOut: number }): SamplePreview {
  return {
    lotSize: d.lotSize,
    sampleSize: d.drawn.items.length,
    excluded: d.drawn.excluded,
    leftOut: d.leftOut,
    plan: d.plan,
    allocation: d.drawn.allocation,
  };
}

/** Strata and quota the lot can be drawn by, or a message naming the field or value and the fix. */
function checkDrawOptions(options: DrawOptions, at?: DecisionsLocation): void {
  const fields = DECISION_FIELDS as readonly string[];
  const unknown = options.strata?.find((f) => !fields.includes(f));
  if (unknown !== undefined)
    throw new FlowError('flow.error.stratumField', { field: unknown, fields: DECISION_FIELDS.join(', ') });
  const unmapped =
    at && options.method !== 'simple' && options.method !== 'moderator_quota'
      ? options.strata?.find((f) => at.mapping[f] === undefined)
      : undefined;
  if (unmapped !== undefined && at)
    throw new FlowError('flow.error.stratumUnmapped', { field: unmapped, sheet: at.sheet });
  if (options.quota !== undefined && !(Number.isInteger(options.quota) && options.quota >= 1))
    throw new FlowError('flow.error.quota', { value: String(options.quota) });
}

/** What earlier batches drew: item IDs (by match key), and decisions as drawnDecisionKey(item, moderator). */
export interface EarlierDraws {
  items: Set<string>;
  decisions: Set<string>;
}
const noEarlierDraws = (): EarlierDraws => ({ items: new Set(), decisions: new Set() });

/**
 * Item IDs and decisions already drawn by earlier batches: only the
 * item_id and moderator columns of every inspection sheet, chunked.
 */
async function earlierItemIds(context: Excel.RequestContext, names: string[]): Promise<EarlierDraws> {
  const tables = await readNamedColumns(context, names.filter(isInspectionSheet), ['item_id', 'moderator']);
  const set = noEarlierDraws();
  for (const values of tables.values()) {
    const { at } = locateInspectionColumns(values[0] ?? []);
    const c = at('item_id');
    const m = at('moderator');
    if (c >= 0)
      for (const row of values.slice(1)) {
        if (row[c] === '') continue;
        // Compared by match key: the same item written with full-width digits is still the same item.
        set.items.add(matchKey(String(row[c])));
        if (m >= 0) set.decisions.add(drawnDecisionKey(String(row[c]), String(row[m]).trim()));
      }
  }
  return set;
}

type DrawOptions = Omit<SampleFlowOptions, 'batch' | 'createdBy'>;

/** Every decision of the lot, read through one validator; `how` says what this read does differently. */
async function readLot(
  run: BatchRunner,
  options: DrawOptions,
  taxonomy: Taxonomy,
  at: DecisionsLocation,
  how: Pick<DecisionValidatorOptions, 'headerWidth' | 'keepFailedRows'>,
) {
  const validator = createDecisionValidator({
    mapping: at.mapping,
    taxonomy,
    now: options.now ?? Date.now(),
    collectDecisions: true,
    maxFindings: 0,
    expectedRows: at.lastRow - at.headerRow,
    ...how,
  });
  await readDecisionChunks(run, at, (values, firstRow) => validator.addChunk(values, firstRow), options);
  return validator.finish();
}

const severityOf = (taxonomy: Taxonomy) =>
  Object.fromEntries(taxonomy.policies.map((p) => [p.code, p.severity])) as Record<string, Severity>;

/** Reads the lot and draws; shared by the preview and the real run, so both give the same items. */
async function drawFromLot(
  run: BatchRunner,
  options: DrawOptions,
  earlier: EarlierDraws,
  taxonomy: Taxonomy,
  at: DecisionsLocation,
) {
  checkDrawOptions(options, at);
  const { lot, leftOut } = await readLot(run, options, taxonomy, at, { headerWidth: at.headerWidth });
  const unit = options.unit ?? 'decision';
  // A decision draw leaves out the decisions earlier batches drew
  // (another moderator's judgment of the same item stays eligible).
  const selection =
    unit === 'item'
      ? selectEligible(lot, options.filters, earlier.items, 'item')
      : selectEligible(lot, options.filters, undefined, 'decision', earlier.decisions);
  const { n, plan } = sampleSizeFor(options.size, selection.eligible.length);
  const severity = severityOf(taxonomy);
  // Keying is the draw's longest step (an MD5 per decision): in slices, between which the pane
  // paints and Cancel is heard (0.6 s in one block on 100,000 rows in the workbench otherwise).
  const keys = new Float64Array(lot.length);
  for (let from = 0; from < selection.eligible.length; from += KEY_SLICE) {
    fillDrawKeys(
      lot,
      selection.eligible,
      { seed: options.seed, unit },
      keys,
      from,
      Math.min(from + KEY_SLICE, selection.eligible.length),
    );
    await nextTask();
    throwIfCancelled(options.signal);
  }
  const drawn = drawFromEligible(
    lot,
    selection,
    {
      method: options.method,
      size: n,
      seed: options.seed,
      strata: options.strata,
      minimumPerStratum: options.minimumPerStratum,
      quota: options.quota,
      expectedErrorRate: options.expectedErrorRate,
      policySeverity: severity,
      filters: options.filters,
      unit,
    },
    keys,
  );
  return { lot, drawn, lotSize: selection.eligible.length, plan, severity, leftOut };
}

/** The decisions of a sample drawn elsewhere, read as drawFromLot reads a lot, with the draw as given. */
async function readPredrawn(
  run: BatchRunner,
  options: DrawOptions,
  predrawn: PredrawnSample,
  taxonomy: Taxonomy,
  at: DecisionsLocation,
) {
  // The draw was made elsewhere: every drawn row is read, whatever this validator would leave out.
  const { lot } = await readLot(run, options, taxonomy, at, { keepFailedRows: true });
  return {
    lot,
    drawn: predrawn.drawn,
    lotSize: predrawn.lotSize,
    plan: predrawn.plan,
    severity: severityOf(taxonomy),
    leftOut: 0,
  };
}

/**
 * The allocation a sample would have (per stratum), its size and the ISO 2859-1 plan: the Sample
 * page shows it before the analyst draws. Same seed, same items. It writes no inspection sheet, but
 * loading the taxonomy creates `QA Taxonomy` (the default taxonomy) in a workbook that has none.
 */
export async function previewSample(run: BatchRunner, options: DrawOptions): Promise<SamplePreview> {
  try {
    const { taxonomy } = await loadTaxonomy(run, options.lang ?? 'en');
    const at = await locateDecisions(run, options.sheet, options.mapping);
    const earlier = options.includePreviouslySampled
      ? noEarlierDraws()
      : await run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          await context.sync();
          return earlierItemIds(
            context,
            sheets.items.map((s) => s.name),
          );
        });
    return figuresOf(await drawFromLot(run, options, earlier, taxonomy, at));
  } catch (error) {
    throw toFlowError(error, options.sheet);
  }
}

async function sample(run: BatchRunner, options: SampleFlowOptions): Promise<SampleFlowResult> {
  const lang = options.lang ?? 'en';
  const problem = batchNameProblem(options.batch);
  if (problem) throw new FlowError(problem.key, problem.params);
  checkDrawOptions(options);
  const inspectors = (options.inspectors ?? []).map((i) => i.trim()).filter(Boolean);
  const calibration = inspectors.length >= 2;
  const twice = inspectors.find((name, i) => inspectors.indexOf(name) !== i);
  if (twice) throw new FlowError('calibration.sameInspector', { name: twice });
  const members = calibration
    ? inspectors.map((inspector, k) => ({ batch: calibrationMemberBatch(options.batch, k + 1), inspector }))
    : [{ batch: options.batch, inspector: '' }];
  if (members.some((x) => batchNameProblem(x.batch)))
    throw new FlowError('calibration.tooLong', {
      batch: options.batch,
      count: inspectors.length,
      max: MAX_BATCH_ID - 1 - String(inspectors.length).length,
    });
  const sheetName = inspectionSheetName(members[0].batch);
  const { taxonomy, codeRange } = await loadTaxonomy(run, lang);
  const at = await locateDecisions(run, options.sheet, options.mapping);

  // Batch name free? Items of earlier batches (to leave out)? QA Reasons,
  // for the reason dropdown (read here, in a request made anyway).
  const { earlier, reasons } = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const tables = context.workbook.tables;
    tables.load('items/name');
    const reasonsLater = queueReasonsRead(context);
    await context.sync();
    const reasons = reasonsLater();
    const names = sheets.items.map((s) => s.name);
    const taken = members
      .flatMap((m) => [inspectionSheetName(m.batch), reportSheetName(m.batch)])
      .find((n) => names.some((x) => x.toLowerCase() === n.toLowerCase()));
    if (taken) throw new FlowError('flow.error.batchExists', { batch: options.batch });
    // Two batch names can share a table name ("w-48" and "w_48" are both QA_w_48).
    const tableName = inspectionTableName(options.batch).toLowerCase();
    const clash = tables.items.find((t) => t.name.toLowerCase() === tableName);
    if (clash) throw new FlowError('flow.error.batchTableTaken', { batch: options.batch, table: clash.name });
    // A temporary sheet left by an interrupted run of this batch goes now.
    let leftover = false;
    for (const m of members) {
      const old = names.find((x) => x.toLowerCase() === tempSheetName(m.batch).toLowerCase());
      if (old) context.workbook.worksheets.getItem(old).delete();
      leftover ||= old !== undefined;
    }
    if (options.includePreviouslySampled) {
      if (leftover) await context.sync();
      return { earlier: noEarlierDraws(), reasons };
    }
    return { earlier: await earlierItemIds(context, names), reasons };
  });

  const { lot, drawn, lotSize, plan, severity, leftOut } = options.predrawn
    ? await readPredrawn(run, options, options.predrawn, taxonomy, at)
    : await drawFromLot(run, options, earlier, taxonomy, at);
  if (drawn.items.length === 0) throw new FlowError('flow.error.emptySample');
  throwIfCancelled(options.signal);

  // The drawn rows' decisions only (the first row of an ID stands for it): no map of the whole lot.
  const drawnRows = new Set(drawn.items.map((i) => i.row));
  const byRow = new Map<number, Decision>();
  for (let i = 0; i < lot.length; i++) if (drawnRows.has(lot.rows[i])) byRow.set(lot.rows[i], lot.decision(i));
  const { rows: copied, links } = await copySampledRows(
    run,
    at,
    drawn.items.map((i) => i.row),
    options,
  );
  const moved = drawn.items.find(
    (item) => !sameDecision(copied.get(item.row), byRow.get(item.row) as Decision, at.mapping),
  );
  if (moved) throw new FlowError('sample.error.sheetChanged', { sheet: at.sheet, row: moved.row, item: moved.itemId });
  const table: CellValue[][] = [inspectionHeader(lang)];
  drawn.items.forEach((item) => {
    const raw = copied.get(item.row) as CellValue[];
    const d = byRow.get(item.row) as Decision;
    const cell = (f: DecisionField): CellValue => {
      if (f === 'item_id') return item.itemId;
      // The policy as its taxonomy code (a Japanese name in the decisions sheet included), so the
      // inspector's code compares with it; text the taxonomy does not know stays as written.
      if (f === 'policy' && d.policy) return d.policy;
      // A hyperlinked URL cell shows "open"; the inspector needs where it goes.
      const link = f === 'url' ? links.get(item.row) : undefined;
      if (link) return link;
      const c = at.mapping[f];
      return c === undefined ? '' : (raw[c] ?? '');
    };
    const drawnRow: DrawnRow = {
      field: cell,
      sourceRow: item.row,
      weight: item.weight,
      severity: severity[d.policy] ?? '',
      lang,
    };
    // Each column as its schema says: the decision's fields, where it came from, the QA columns (pending, empty).
    table.push(inspectionSheet.columns.map((c) => c.draw?.(drawnRow) ?? ''));
  });
  // Blind review is the default for calibration; an option for ordinary batches.
  const blind = options.blind ?? calibration;
  const inspectorColumn = col('inspector');
  const built = members.map((m) => ({
    temp: tempSheetName(m.batch),
    // Each inspector's sheet names them in its inspector column, so nobody else's rows are theirs.
    table: m.inspector
      ? table.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === inspectorColumn ? m.inspector : v))))
      : table,
    batch: m.batch,
    row: batchRow(m.batch, options, at, drawn, lotSize, plan, {
      blind,
      ...(calibration ? { calibration: options.batch, inspector: m.inspector } : {}),
    }),
  }));
  await buildBatches(run, built, codeRange, reasons, lang);
  return {
    batch: options.batch,
    ...(calibration ? { members } : {}),
    sheet: sheetName,
    ...figuresOf({ drawn, lotSize, plan, leftOut }),
    itemIds: drawn.items.map((i) => i.itemId),
  };
}

/** A first guess of a link cell's bytes in a getCellProperties response, until a response says better. */
const LINK_GUESS_BYTES = 400;

/** The drawn rows as copied, and the link target of each one's URL cell where it has one. */
export interface CopiedRows {
  /** Each sheet row (1-based) with its cells at their columns (unmapped columns ""). */
  rows: Map<number, CellValue[]>;
  links: Map<number, string>;
}

/**
 * Reads the sampled rows as they are on the decisions sheet: only the mapped columns, in blocks
 * of contiguous rows (two runs are merged where reading the rows between costs fewer bytes than
 * another range), each block read once, synced whenever the request or the response would pass
 * the budget as Microsoft's client serializes them. In the same requests, the link target of
 * each block's URL cells (Range.getCellProperties, ExcelApi 1.9: a hyperlinked cell's value is
 * its display text, "open"; the inspector needs where it goes).
 */
export async function copySampledRows(
  run: BatchRunner,
  at: DecisionsLocation,
  sheetRows: number[],
  control: FlowControl = {},
): Promise<CopiedRows> {
  const columns = columnRuns(Object.values(at.mapping).filter((c): c is number => typeof c === 'number'));
  const width = columns.reduce((n, [, w]) => n + w, 0);
  const url = at.mapping.url;
  const ranges = columns.length + (url === undefined ? 0 : 1);
  // Bytes of a row's mapped cells in a response, from the sheet's measured rows (with a margin).
  let rowBytes = Math.max(
    8 * width,
    ((at.bytesPerRow ?? at.columnCount * 20) * width * 1.5) / Math.max(1, at.columnCount),
  );
  let linkBytes = url === undefined ? 0 : LINK_GUESS_BYTES;
  const rows = [...new Set(sheetRows)].sort((a, b) => a - b);
  const blocks: [number, number][] = [];
  for (const r of rows) {
    const last = blocks[blocks.length - 1];
    const gap = last ? r - (last[0] + last[1]) : Infinity;
    if (last && gap * (rowBytes + linkBytes) < OPERATION_BYTES * ranges) last[1] = r - last[0] + 1;
    else blocks.push([r, 1]);
  }
  const out = new Map<number, CellValue[]>();
  const links = new Map<number, string>();
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(at.sheet);
    const budget = new RequestBudget();
    let queued: { range: Excel.Range; first: number; column: number }[] = [];
    let queuedLinks: { props: OfficeExtension.ClientResult<Excel.CellProperties[][]>; first: number }[] = [];
    const flush = async () => {
      await context.sync();
      let bytes = 0;
      let count = 0;
      for (const { range, first, column } of queued) {
        bytes += rowsBytes(range.values as CellValue[][]);
        count += range.values.length;
        (range.values as CellValue[][]).forEach((cells, i) => {
          const row = out.get(first + i) ?? Array<CellValue>(at.columnCount).fill('');
          cells.forEach((v, j) => (row[column + j] = v));
          out.set(first + i, row);
        });
      }
      let propsBytes = 0;
      let linked = 0;
      for (const { props, first } of queuedLinks)
        props.value.forEach((cells, i) => {
          const link = cells[0]?.hyperlink;
          if (link?.address) links.set(first + i, link.address);
          if (!link) return;
          linked++;
          propsBytes += rowsBytes([[JSON.stringify(link)]]);
        });
      // Rows further down may be longer than the header block's: size the next requests by these.
      if (count) rowBytes = Math.max(rowBytes, ((bytes * columns.length) / count) * 1.25);
      if (linked) linkBytes = Math.max(linkBytes, (propsBytes / linked) * 1.25);
      queued = [];
      queuedLinks = [];
      budget.reset();
      throwIfCancelled(control.signal);
    };
    for (const [first, count] of blocks) {
      // A block too big for one request is split across requests.
      for (let start = first; start < first + count;) {
        const n = Math.max(
          1,
          Math.min(
            first + count - start,
            Math.floor((budget.limit - LOAD_RESPONSE_BYTES * ranges) / (rowBytes + linkBytes)),
          ),
        );
        const cost = OPERATION_BYTES * ranges;
        const answer = ranges * LOAD_RESPONSE_BYTES + n * (rowBytes + linkBytes);
        if (!budget.fits(cost, answer) && (queued.length || queuedLinks.length)) await flush();
        for (const [column, w] of columns) {
          const range = ws.getRangeByIndexes(start - 1, column, n, w);
          range.load('values');
          queued.push({ range, first: start, column });
        }
        if (url !== undefined)
          queuedLinks.push({
            props: ws.getRangeByIndexes(start - 1, url, n, 1).getCellProperties({ hyperlink: true }),
            first: start,
          });
        budget.add(cost, answer);
        start += n;
      }
    }
    if (queued.length || queuedLinks.length) await flush();
  });
  return { rows: out, links };
}

/** An item ID as the validator reads it: text trimmed, a number as its digits. */
const idOf = (v: CellValue | undefined) => (typeof v === 'string' ? v.trim() : parseItemId(v ?? '').id);

/**
 * Whether a copied row is still the decision that was drawn: same item ID, moderator and verdict.
 * Rows inserted, deleted or sorted by a co-author between the draw and the copy fail it, and the
 * flow stops rather than pair one item's ID with another item's decision
 * (P excel/co-authoring-in-excel-add-ins.md: others' changes land between an add-in's requests).
 */
function sameDecision(raw: CellValue[] | undefined, d: Decision, mapping: Mapping): boolean {
  if (!raw) return false;
  const text = (f: DecisionField) => (mapping[f] === undefined ? '' : String(raw[mapping[f]!] ?? '').trim());
  return (
    idOf(raw[mapping.item_id!]) === d.itemId &&
    text('moderator') === d.moderator &&
    (parseVerdict(text('verdict')) ?? null) === d.verdict
  );
}

/** One batch to build: its sheet's temporary name, its table (header first) and its row in QA Batches. */
interface BatchToBuild {
  batch: string;
  temp: string;
  table: CellValue[][];
  row: CellValue[];
}

/**
 * Request bytes of an inspection sheet's formatting besides its
 * values: about 40 operations, and the date format of each row.
 */
const sheetFormattingBytes = (rows: number) => 40 * OPERATION_BYTES + rows * 24;

/**
 * Builds each batch's inspection sheet under a temporary name, then writes the batches' rows in
 * `QA Batches` and gives the sheets their real names in one last request, so a batch either has
 * both its sheet and its row, or neither (the temporary sheets are removed). The sheets of a
 * calibration batch are built together, in as few requests as the budget allows: two syncs in
 * all when they fit one request (the sheets, with QA Batches' end read; then the rows and names).
 */
async function buildBatches(
  run: BatchRunner,
  batches: BatchToBuild[],
  codeRange: string,
  reasons: ReasonsRead,
  lang: Lang,
): Promise<void> {
  await run(async (context) => {
    try {
      const budget = new RequestBudget();
      // QA Reasons gets the default list on first use, once the draw is sure, before the dropdowns refer to it.
      const reasonRange =
        reasons.reasons?.codeRange ?? (await queueDefaultReasons(context, reasons.sheetExists)).codeRange;
      for (const b of batches)
        await queueInspectionSheet(context, b.temp, b.table, codeRange, reasonRange, lang, budget);
      const found = queueOwnedSheet(context, batchesSheet);
      await context.sync();
      const { used } = found();
      const ws = used
        ? context.workbook.worksheets.getItem(batchesSheet.name)
        : await queueOwnedHeader(context, batchesSheet, found());
      const next = used ? used.rowIndex + used.rowCount : 1;
      // Another analyst may append between our read and our write (co-authoring: their requests
      // land between ours). Rows inserted and written in one request never overwrite theirs:
      // if they took row `next` first, the insert moves their row down
      // (P excel/co-authoring-in-excel-add-ins.md; R excel.range.yml `insert`).
      ws.getRangeByIndexes(next, 0, batches.length, 1)
        .getEntireRow()
        .insert('Down' as Excel.InsertShiftDirection);
      await writeRows(
        context,
        ws,
        next,
        0,
        batches.map((b) => b.row),
        batchesSheet.textColumns(),
      );
      for (const b of batches) {
        const sheet = context.workbook.worksheets.getItem(b.temp);
        sheet.name = inspectionSheetName(b.batch);
        sheet.tables.getItemAt(0).name = inspectionTableName(b.batch);
      }
      await context.sync();
    } catch (error) {
      for (const b of batches) await removeSheetQuietly(context, b.temp);
      throw error;
    }
  });
}

/**
 * Queues an inspection sheet under a temporary name (buildBatches gives it its real name): the
 * values, then the table, dropdowns, colors and frozen panes, syncing only when the next part
 * would take the request past the budget.
 */
async function queueInspectionSheet(
  context: Excel.RequestContext,
  temp: string,
  table: CellValue[][],
  codeRange: string,
  reasonRange: string,
  lang: Lang,
  budget: RequestBudget,
): Promise<void> {
  const ws = context.workbook.worksheets.add(temp);
  // Everything copied is written as text first (dates included: a date cell may hold untrusted text);
  // only the numbers this flow computes are left as numbers.
  await writeRows(context, ws, 0, 0, table, inspectionSheet.textColumns(), budget);
  const n = table.length - 1;
  const width = inspectionSheet.columns.length;
  const formatting = sheetFormattingBytes(n);
  if (!budget.fits(formatting) && budget.used) {
    await context.sync();
    budget.reset();
  }
  budget.add(formatting);
  const t = ws.tables.add(ws.getRangeByIndexes(0, 0, table.length, width), true);
  t.style = 'TableStyleMedium2';
  // Dropdowns where the schema gives a column a list: verdicts, settlements and yes/no as short lists;
  // policies and reasons from their sheets (100+ codes do not fit a comma list; the lead edits the reasons).
  const sourceOf = (list: NonNullable<InspectionColumnSpec['list']>): string => {
    if (list === 'policies')
      return context.workbook.worksheets.getItem(TAXONOMY_SHEET).getRange(codeRange) as unknown as string;
    if (list === 'reasons')
      return context.workbook.worksheets.getItem(REASONS_SHEET).getRange(reasonRange) as unknown as string;
    return (listValues(list, lang) ?? []).join(',');
  };
  inspectionSheet.columns.forEach((c, i) => {
    if (c.list)
      ws.getRangeByIndexes(1, i, n, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: sourceOf(c.list) },
      };
  });
  const outcome = ws.getRangeByIndexes(1, col('outcome'), n, 1);
  for (const name of OUTCOMES) {
    const color = OUTCOME_COLORS[name];
    const cf = outcome.conditionalFormats.add('ContainsText' as Excel.ConditionalFormatType);
    cf.textComparison.rule = {
      operator: 'BeginsWith' as Excel.ConditionalTextOperator,
      text: outcomeLabel(name, lang),
    };
    cf.textComparison.format.fill.color = color;
  }
  ws.getRangeByIndexes(1, col('decided_at'), n, 1).numberFormat = table.slice(1).map(() => ['yyyy-mm-dd hh:mm']);
  ws.freezePanes.freezeAt(ws.getRange('A1'));
  ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  ws.getRangeByIndexes(0, 0, Math.min(table.length, 200), width).format.autofitColumns();
  ws.getRangeByIndexes(0, col('notes'), 1, 1).format.columnWidth = 240;
  ws.getRangeByIndexes(0, col('qa_comment'), 1, 1).format.columnWidth = 240;
}

/** A batch's row in `QA Batches`: how it was drawn, from what, and its plan. */
function batchRow(
  batch: string,
  options: SampleFlowOptions,
  at: DecisionsLocation,
  drawn: SampleResult,
  lotSize: number,
  plan: SamplingPlan | undefined,
  extra: Record<string, unknown>,
): CellValue[] {
  const parameters = JSON.stringify({
    unit: options.unit ?? 'decision',
    size: options.size,
    strata: options.strata,
    minimumPerStratum: options.minimumPerStratum,
    quota: options.quota,
    expectedErrorRate: options.expectedErrorRate,
    filters: options.filters,
    includePreviouslySampled: options.includePreviouslySampled ?? false,
    // A sample drawn from a lot outside the workbook keeps the lot's per-stratum counts, so the
    // weights (N_h / n_h) can be checked and the report's weighted estimate reproduced.
    ...(options.predrawn ? { source: options.predrawn.source, allocation: drawn.allocation } : {}),
    // Calibration (the batch it belongs to, its inspector) and blind review.
    ...extra,
  });
  return batchesSheet.row({
    batch,
    created_at: new Date(options.now ?? Date.now()).toISOString(),
    created_by: options.createdBy ?? '',
    source_sheet: at.sheet,
    method: options.method,
    parameters,
    seed: options.seed,
    lot_size: lotSize,
    sample_size: drawn.items.length,
    plan_letter: plan?.letter ?? '',
    accept: plan?.accept ?? '',
    reject: plan?.reject ?? '',
    sheet: inspectionSheetName(batch),
  });
}
