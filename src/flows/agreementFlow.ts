import { VERDICTS, type Verdict } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { parseVerdict } from '../core/normalize/parseVerdict';
import { cellAddress } from '../excelSpec';
import {
  agreementReport,
  raterAccuracy,
  referenceVerdicts,
  type AgreementReport,
  type Coefficient,
  type Judgment,
  type RaterAccuracy,
} from '../core/stats/agreementReport';
import { createDecisionValidator } from '../core/validation/createDecisionValidator';
import { t, type MessageKey } from '../i18n';
import { listBatches } from './batches';
import { FlowError, toFlowError, type BatchRunner, type FlowControl } from './host';
import { readInspectionRows } from './inspectionRows';
import { locateDecisions, readDecisionChunks } from './readDecisions';
import { AGREEMENT_SHEET, adjudicationSheetName, agreementSheetName, inspectionSheetName } from './sheets';
import { loadTaxonomy } from './taxonomyFlow';
import type { Mapping } from '../core/mapping/detectMapping';
import { writeRows } from './writeTable';
import { buildAndSwap } from './ownedSheet';
import { AGREEMENT } from './schema/agreementLayout';
import {
  adjudicationHeader,
  adjudicationRow,
  readAdjudication,
  SETTLED,
  type AdjudicationRecord,
} from './schema/adjudicationSheet';

export interface AgreementFlowOptions extends FlowControl {
  sheet?: string;
  mapping?: Mapping;
  lang?: Lang;
  /** Seed of the bootstrap (default: the sheet's name). */
  seed?: string;
  resamples?: number;
  /** Write the `QA Agreement` sheet (default true; the CLI's --json without --out reads only). */
  write?: boolean;
  now?: number;
}

export interface AgreementFlowResult {
  sheet: string;
  source: string;
  seed: string;
  resamples: number;
  report: AgreementReport;
  /** Calibration only: each inspector's accuracy against the adjudicated (or unanimous) verdicts. */
  accuracy?: RaterAccuracy[];
  /** Calibration only: disagreements not settled yet on the adjudication sheet. */
  openDisagreements?: number;
}

const fixed = (v: number) => (Number.isFinite(v) ? Math.round(v * 10000) / 10000 : '');

/** The agreement report's rows, labels in the report language (numbers stay numbers). */
function reportRows(result: Omit<AgreementFlowResult, 'sheet'>, lang: Lang): CellValue[][] {
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang);
  const r = result.report;
  const rows: CellValue[][] = [
    [L('agreement.title')],
    [
      L('agreement.source', {
        source: result.source,
        items: r.items,
        twice: r.itemsJudgedTwice,
        judgments: r.judgments,
        raters: r.raters.length,
        repeats: r.repeats,
      }),
    ],
    [L('agreement.method', { resamples: result.resamples, seed: result.seed })],
    [],
    AGREEMENT.coefficients.header(lang),
  ];
  const line = (key: MessageKey, c: Coefficient) =>
    rows.push(
      AGREEMENT.coefficients.row({
        coefficient: L(key),
        value: fixed(c.value),
        low: fixed(c.low),
        high: fixed(c.high),
        items: c.items,
      }),
    );
  line('agreement.alphaVerdict', r.alphaVerdict);
  line('agreement.alphaVerdictPolicy', r.alphaVerdictPolicy);
  line('agreement.fleiss', r.fleissKappa);
  line('agreement.ac1', r.gwetAC1);
  rows.push([]);
  if (!r.pairwiseComputed) rows.push([L('agreement.pairwiseSkipped', { raters: r.raters.length })]);
  else {
    rows.push([L('agreement.pairwise')]);
    rows.push(['', ...r.raters]);
    r.raters.forEach((a, i) =>
      rows.push([a, ...r.raters.map((_, j) => (i === j ? 1 : fixed(r.pairwise[i][j]?.value ?? NaN)))]),
    );
    rows.push([]);
    rows.push(AGREEMENT.pairwise.header(lang));
    r.raters.forEach((a, i) =>
      r.raters.forEach((b, j) => {
        const c = r.pairwise[i][j];
        if (j > i && c)
          rows.push(
            AGREEMENT.pairwise.row({
              rater: a,
              otherRater: b,
              value: fixed(c.value),
              low: fixed(c.low),
              high: fixed(c.high),
              items: c.items,
            }),
          );
      }),
    );
  }
  if (result.accuracy) {
    rows.push([]);
    rows.push([L('agreement.accuracy')]);
    rows.push(AGREEMENT.accuracy.header(lang));
    for (const a of result.accuracy)
      rows.push(
        AGREEMENT.accuracy.row({
          rater: a.rater,
          correct: a.correct,
          of: a.of,
          rate: fixed(a.rate),
          low: fixed(a.wilson[0]),
          high: fixed(a.wilson[1]),
        }),
      );
  }
  rows.push([]);
  rows.push([L('agreement.disagreements', { count: r.disagreements.length })]);
  const max = AGREEMENT.maxListed;
  if (r.disagreements.length > max)
    rows.push([L('agreement.disagreementsCut', { shown: max, more: r.disagreements.length - max })]);
  rows.push(AGREEMENT.disagreements.header(lang));
  for (const d of r.disagreements.slice(0, max))
    rows.push(
      AGREEMENT.disagreements.row({
        item: d.item,
        judgments: d.ratings
          .map((x) => `${x.rater}: ${x.verdict ?? '—'}${x.policy ? ` (${x.policy})` : ''}`)
          .join('; '),
      }),
    );
  const width = Math.max(...rows.map((x) => x.length));
  return rows.map((x) => [...x, ...Array<CellValue>(width - x.length).fill('')]);
}

/** Replaces a sheet the add-in owns with these rows (built under a temporary name, swapped in last). */
async function replaceSheet(
  run: BatchRunner,
  name: string,
  rows: CellValue[][],
  textColumns: readonly number[],
  bold: number[],
): Promise<void> {
  await run((context) =>
    buildAndSwap(context, name, async (ws) => {
      await writeRows(context, ws, 0, 0, rows, textColumns);
      for (const r of bold) ws.getRangeByIndexes(r, 0, 1, rows[0].length).format.font.bold = true;
    }),
  );
}

/** The rows that begin a block (title or header), for bold type. */
const boldRows = (rows: CellValue[][]) =>
  rows
    .map((r, i) =>
      i === 0 ||
      (r[0] !== '' && r.slice(1).some((v) => typeof v === 'string' && v !== '') && rows[i - 1].every((v) => v === ''))
        ? i
        : -1,
    )
    .filter((i) => i >= 0);

/**
 * Agreement among the judgments of a decisions sheet where items are judged more than once
 * (several moderators, annotators or queues): Krippendorff's α on the verdict and on verdict +
 * policy, Fleiss' κ, Gwet's AC1, pairwise Cohen's κ between moderators, each with a seeded
 * bootstrap 95% interval, and the items they disagree on — written to `QA Agreement`. The
 * decisions sheet is only read.
 */
export async function decisionsAgreementFlow(
  run: BatchRunner,
  options: AgreementFlowOptions = {},
): Promise<AgreementFlowResult> {
  try {
    const lang = options.lang ?? 'en';
    const { taxonomy } = await loadTaxonomy(run, lang);
    const at = await locateDecisions(run, options.sheet, options.mapping);
    const validator = createDecisionValidator({
      mapping: at.mapping,
      taxonomy,
      now: options.now ?? 0,
      collectDecisions: true,
      maxFindings: 0,
      expectedRows: at.lastRow - at.headerRow,
    });
    await readDecisionChunks(run, at, (values, firstRow) => validator.addChunk(values, firstRow), options);
    const { lot } = validator.finish();
    const judgments: Judgment[] = [];
    const moderators = lot.text.moderator;
    const policies = lot.text.policy;
    for (let i = 0; i < lot.length; i++)
      judgments.push({
        item: lot.itemIds[i],
        rater: moderators.get(i),
        verdict: lot.verdict(i),
        policy: policies.get(i),
      });
    const seed = options.seed ?? at.sheet;
    const resamples = options.resamples ?? 1000;
    const report = agreementReport(judgments, { seed, resamples });
    if (report.itemsJudgedTwice === 0) throw new FlowError('agreement.none', { source: at.sheet });
    const result = { source: at.sheet, seed, resamples, report };
    if (options.write ?? true) {
      const rows = reportRows(result, lang);
      await replaceSheet(run, AGREEMENT_SHEET, rows, AGREEMENT.textColumns, boldRows(rows));
    }
    return { sheet: AGREEMENT_SHEET, ...result };
  } catch (error) {
    throw toFlowError(error, AGREEMENT_SHEET);
  }
}

/**
 * A calibration batch's agreement and adjudication: reads every inspector's sheet of the batch,
 * computes agreement among the inspectors (as decisionsAgreementFlow does), lists each
 * disagreement on `QA Adj <batch>` for a lead to settle (what a lead already settled there is
 * read first and kept), and reports on `QA Agree <batch>` the coefficients, the pairwise κ matrix
 * and each inspector's accuracy against the reference: the settled verdict, or the unanimous one.
 * Inspection sheets are only read.
 */
export async function calibrationAgreementFlow(
  run: BatchRunner,
  calibration: string,
  options: Omit<AgreementFlowOptions, 'sheet' | 'mapping'> = {},
): Promise<AgreementFlowResult> {
  const adjSheet = adjudicationSheetName(calibration);
  try {
    const lang = options.lang ?? 'en';
    const members = (await listBatches(run)).filter((b) => b.calibration === calibration && b.hasSheet).reverse();
    if (members.length === 0) throw new FlowError('agreement.error.noCalibration', { batch: calibration });
    // Every inspector's sheet and the adjudication sheet, in one sync.
    const { sheets, adjudication } = await run(async (context) => {
      const ranges = members.map((m) => {
        const r = context.workbook.worksheets.getItem(inspectionSheetName(m.batch)).getUsedRangeOrNullObject(true);
        r.load('values');
        return r;
      });
      const adj = context.workbook.worksheets.getItemOrNullObject(adjSheet).getUsedRangeOrNullObject(true);
      adj.load('values');
      await context.sync();
      return {
        sheets: ranges.map((r) => (r.isNullObject ? [] : (r.values as CellValue[][]))),
        adjudication: adj.isNullObject ? [] : (adj.values as CellValue[][]),
      };
    });
    // A unit is the decision the inspectors judged: item + moderator (the same row on every sheet).
    const unitOf = (item: string, moderator: string) => `${item}\u001f${moderator}`;
    const judgments: Judgment[] = [];
    const original = new Map<string, Pick<AdjudicationRecord, 'item_id' | 'moderator' | 'verdict' | 'policy'>>();
    const raters = members.map(
      (m, k) =>
        m.assignedInspector || readInspectionRows(sheets[k]).rows.find((r) => r.inspector)?.inspector || m.batch,
    );
    members.forEach((_, k) => {
      for (const r of readInspectionRows(sheets[k]).rows) {
        const unit = unitOf(r.itemId, r.moderator);
        if (!original.has(unit))
          original.set(unit, { item_id: r.itemId, moderator: r.moderator, verdict: r.verdict ?? '', policy: r.policy });
        if (r.qaVerdict) judgments.push({ item: unit, rater: raters[k], verdict: r.qaVerdict, policy: r.qaPolicy });
      }
    });
    const settled = readSettled(adjudication, adjSheet);
    const seed = options.seed ?? calibration;
    const resamples = options.resamples ?? 1000;
    const report = agreementReport(judgments, { seed, resamples });
    const reference = referenceVerdicts(judgments, settled.byUnit);
    const accuracy = raterAccuracy(judgments, reference).filter((a) => raters.includes(a.rater));
    // Units on the sheet: today's disagreements, and any a lead settled before (never dropped).
    const units = [
      ...new Set([...report.disagreements.map((d) => d.item), ...settled.byUnit.keys(), ...settled.rows.keys()]),
    ];
    const byUnit = new Map<string, Map<string, Judgment>>();
    for (const j of judgments) {
      let m = byUnit.get(j.item);
      if (!m) byUnit.set(j.item, (m = new Map()));
      m.set(j.rater, j);
    }
    const header = adjudicationHeader(raters);
    const adjRows: CellValue[][] = [header];
    for (const unit of units) {
      const judged = raters.map((r) => byUnit.get(unit)?.get(r));
      // A unit no inspector judged today keeps the item and moderator the lead settled it under.
      const kept = settled.rows.get(unit);
      const decision = original.get(unit) ?? { item_id: kept?.item_id ?? '', moderator: kept?.moderator ?? '' };
      adjRows.push(
        adjudicationRow(
          { ...kept, verdict: '', policy: '', ...decision },
          judged.map((j) => ({ verdict: j?.verdict ?? '', policy: j?.policy ?? '' })),
        ),
      );
    }
    const open = units.filter(
      (u) => report.disagreements.some((d) => d.item === u) && !settled.byUnit.get(u)?.verdict,
    ).length;
    // Items are shown by their ID (the unit key's first part) in the report's list.
    const shown = {
      ...report,
      disagreements: report.disagreements.map((d) => ({ ...d, item: d.item.split('\u001f')[0] })),
    };
    const result = {
      source: members.map((m) => inspectionSheetName(m.batch)).join(', '),
      seed,
      resamples,
      report: shown,
      accuracy,
      openDisagreements: open,
    };
    if (options.write ?? true) {
      await replaceSheet(
        run,
        adjSheet,
        adjRows,
        header.map((_, i) => i),
        [0],
      );
      await addSettledDropdown(run, adjSheet, header.indexOf(SETTLED[0]), adjRows.length - 1);
      const rows = reportRows(result, lang);
      await replaceSheet(run, agreementSheetName(calibration), rows, AGREEMENT.textColumns, boldRows(rows));
    }
    return { sheet: agreementSheetName(calibration), ...result };
  } catch (error) {
    throw toFlowError(error, adjSheet);
  }
}

/**
 * What a lead settled on the adjudication sheet, read by header
 * name: per unit, the verdict and policy, and the whole row.
 */
function readSettled(
  values: CellValue[][],
  sheet: string,
): { byUnit: Map<string, { verdict: Verdict | null; policy: string }>; rows: Map<string, AdjudicationRecord> } {
  const byUnit = new Map<string, { verdict: Verdict | null; policy: string }>();
  const rows = new Map<string, AdjudicationRecord>();
  const { at, rows: found } = readAdjudication(values);
  if (at('item_id') < 0 || at('settled_verdict') < 0) return { byUnit, rows };
  for (const { record, row } of found) {
    if (!SETTLED.some((c) => record[c] !== '')) continue;
    const unit = `${record.item_id}\u001f${record.moderator}`;
    rows.set(unit, record);
    const text = record.settled_verdict;
    if (!text) continue;
    const verdict = parseVerdict(text);
    if (!verdict)
      throw new FlowError('agreement.error.settled', {
        cell: cellAddress(row, at('settled_verdict'), sheet),
        value: text,
      });
    byUnit.set(unit, { verdict, policy: record.settled_policy });
  }
  return { byUnit, rows };
}

/** A verdict dropdown for the lead, a frozen header, fitted columns. */
async function addSettledDropdown(run: BatchRunner, sheet: string, first: number, count: number): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    if (count > 0)
      ws.getRangeByIndexes(1, first, count, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: VERDICTS.join(',') },
      };
    ws.freezePanes.freezeRows(1);
    ws.getRangeByIndexes(0, 0, Math.min(count + 1, 200), first + SETTLED.length).format.autofitColumns();
    await context.sync();
  });
}
