import { cellAddress } from '../excelSpec';
import type { Mapping } from '../core/mapping/detectMapping';
import type { FindingSeverity } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { createDecisionValidator } from '../core/validation/createDecisionValidator';
import type { Finding, FindingCode } from '../core/findings/finding';
import { renderFinding } from './renderFinding';
import { validateInspectionRows } from '../core/validation/validateInspectionRows';
import { t } from '../i18n';
import { policyLookup } from './policyLookup';
import { inspectionSheet } from './schema/inspectionSheet';
import { validateListedValues } from '../core/validation/validateListedValues';
import { FlowError, throwIfCancelled, toFlowError, type BatchRunner, type FlowControl } from './host';
import { locateDecisions, readDecisionChunks } from './readDecisions';
import { FINDINGS_SHEET, isInspectionSheet } from './sheets';
import { loadTaxonomy } from './taxonomyFlow';
import { readNamedColumns } from './readColumns';
import { writeRows } from './writeTable';
import { buildAndSwap } from './ownedSheet';
import { FINDINGS_TABLE, findingsSheet } from './schema/findingsSheet';

export interface ValidateOptions extends FlowControl {
  /** The decisions sheet; the active sheet when omitted. */
  sheet?: string;
  mapping?: Mapping;
  lang?: Lang;
  /** "Now" for the future-date rule; the caller's clock (tests pass a fixed one). */
  now?: number;
}

export interface ValidateResult {
  sheet: string;
  rowsChecked: number;
  findings: (Finding & { address: string; message: string })[];
  counts: Partial<Record<FindingCode, number>>;
}

/**
 * Validates every decision against the taxonomy, in chunks, plus the QA columns of every
 * inspection sheet, and writes `QA Findings` (an Excel table: sheet, cell, rule, severity,
 * message in the report language, suggestion). The decisions sheet gets no format and no
 * highlight: findings point to cells, and the pane selects them.
 */
export async function validateFlow(run: BatchRunner, options: ValidateOptions = {}): Promise<ValidateResult> {
  try {
    return await validate(run, options);
  } catch (error) {
    throw toFlowError(error, options.sheet);
  }
}

async function validate(run: BatchRunner, options: ValidateOptions): Promise<ValidateResult> {
  const lang = options.lang ?? 'en';
  const now = options.now ?? Date.now();
  const { taxonomy } = await loadTaxonomy(run, lang);
  const at = await locateDecisions(run, options.sheet, options.mapping);
  const validator = createDecisionValidator({
    mapping: at.mapping,
    taxonomy,
    now,
    maxFindings: 200_000,
    expectedRows: at.lastRow - at.headerRow,
    headerWidth: at.headerWidth,
  });
  await readDecisionChunks(
    run,
    at,
    (values, firstRow, formulas) => validator.addChunk(values, firstRow, formulas),
    options,
  );
  const summary = validator.finish();
  const decisionFindings = summary.findings.map((f) => ({ ...f, sheet: f.sheet ?? at.sheet }));

  // Inspection sheets: what inspectors pasted past the dropdowns.
  const { inspectionFindings, sheetNames } = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const sheetNames = sheets.items.map((s) => s.name);
    const names = sheetNames.filter(isInspectionSheet);
    // Only the QA columns to check, found by name and read in chunks (not every sheet whole): the
    // verdict and policy, and any column whose schema gives it a list of its own.
    const listed = inspectionSheet.columns.filter((c): c is typeof c & { list: readonly string[] } =>
      Array.isArray(c.list),
    );
    const tables = await readNamedColumns(context, names, ['qa_verdict', 'qa_policy', ...listed.map((c) => c.name)]);
    const out: Finding[] = [];
    for (const [n, values] of tables) {
      const { at } = inspectionSheet.reader(values[0] ?? []);
      const lists = listed
        .filter((c) => at(c.name) >= 0)
        .map((c) => ({ column: at(c.name), field: c.name, allowed: c.list }));
      out.push(...validateListedValues(values.slice(1), 2, lists, n));
      const qv = at('qa_verdict');
      const qp = at('qa_policy');
      if (qv < 0 || qp < 0) continue;
      out.push(...validateInspectionRows(values.slice(1), 2, { qa_verdict: qv, qa_policy: qp }, taxonomy, n));
    }
    return { inspectionFindings: out, sheetNames };
  });

  const policies = policyLookup(taxonomy);
  const policyName = (code: string, l: Lang) => (policies.index.byCode.has(code) ? policies.name(code, l) : undefined);
  const all = [...decisionFindings, ...inspectionFindings].map((f) => ({
    ...f,
    address: cellAddress(f.row, f.column, f.sheet),
    message: renderFinding(f, lang, f.sheet, undefined, { policyName }),
  }));
  const counts: Partial<Record<FindingCode, number>> = { ...summary.counts };
  for (const f of inspectionFindings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  throwIfCancelled(options.signal);
  await writeFindingsSheet(run, all, sheetNames, lang, (code) => {
    const name = policyName(code, lang);
    return name && lang === 'ja' ? `${code}（${name}）` : code;
  });
  return { sheet: at.sheet, rowsChecked: summary.rowsChecked, findings: all, counts };
}

/**
 * Replaces `QA Findings` with this run's findings. The new sheet is built under a temporary name
 * and swapped in by the last sync, so an interrupted run leaves the previous findings in place.
 */
async function writeFindingsSheet(
  run: BatchRunner,
  findings: {
    sheet?: string;
    address: string;
    code: string;
    severity: FindingSeverity;
    message: string;
    suggestion?: string;
  }[],
  sheetNames: string[],
  lang: Lang,
  suggestionText: (code: string) => string,
): Promise<void> {
  await run(async (context) => {
    try {
      await buildAndSwap(
        context,
        FINDINGS_SHEET,
        async (ws) => {
          // Headers and severities in the workbook's language; the
          // rule stays its code (what a filter or formula keys on).
          const rows: CellValue[][] = [
            findingsSheet.header(lang),
            ...findings.map((f) =>
              findingsSheet.row({
                sheet: f.sheet ?? '',
                cell: f.address,
                rule: f.code,
                severity: lang === 'ja' ? t(`severity.${f.severity}`, {}, lang) : f.severity,
                message: f.message,
                suggestion: f.suggestion ? suggestionText(f.suggestion) : '',
              }),
            ),
          ];
          await writeRows(context, ws, 0, 0, rows, findingsSheet.textColumns());
          const table = ws.tables.add(ws.getRangeByIndexes(0, 0, rows.length, findingsSheet.columns.length), true);
          table.style = 'TableStyleLight9';
          ws.freezePanes.freezeRows(1);
          ws.getRangeByIndexes(0, 0, 1, findingsSheet.position('message')).format.autofitColumns();
          ws.getRangeByIndexes(0, findingsSheet.position('message'), 1, 1).format.columnWidth = 480;
          // The table's name is free once the previous findings are gone.
          return () => (table.name = FINDINGS_TABLE);
        },
        { temp: `${FINDINGS_SHEET} ~new`, sheetNames },
      );
    } catch (error) {
      throw toFlowError(error, FINDINGS_SHEET);
    }
  });
}

export { FlowError };
