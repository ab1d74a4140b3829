/** The sheets the add-in owns (shared/DESIGN.md); the user's decisions sheet is never among them. */
export const TAXONOMY_SHEET = 'QA Taxonomy';
export const FINDINGS_SHEET = 'QA Findings';
export const BATCHES_SHEET = 'QA Batches';
export const SETTINGS_SHEET = 'QA Settings';
/** The cross-batch view: accuracy and ISO 2859-1 switching state per moderator over every batch. */
export const MODERATORS_SHEET = 'QA Moderators';
/** Agreement among the judgments of a decisions sheet (items judged more than once). */
export const AGREEMENT_SHEET = 'QA Agreement';
/** A calibration batch's agreement report and its adjudication sheet. */
export const AGREE_PREFIX = 'QA Agree ';
export const ADJUDICATION_PREFIX = 'QA Adj ';
export const INSPECTION_PREFIX = 'QA ';
export const REPORT_PREFIX = 'QA Report ';
/** Sheet names are at most 31 characters: "QA Report " leaves 21 for the batch id. */
export const MAX_BATCH_ID = 31 - REPORT_PREFIX.length;

const OWN = new Set([TAXONOMY_SHEET, FINDINGS_SHEET, BATCHES_SHEET, SETTINGS_SHEET, MODERATORS_SHEET, AGREEMENT_SHEET].map((s) => s.toLowerCase()));

/** An inspection sheet: "QA <batch>", not a report and not one of the fixed sheets (nor a temporary one). */
export function isInspectionSheet(name: string): boolean {
  return name.startsWith(INSPECTION_PREFIX) && !name.startsWith(REPORT_PREFIX) && !name.startsWith(AGREE_PREFIX) && !name.startsWith(ADJUDICATION_PREFIX) && !OWN.has(name.toLowerCase()) && !name.includes('~');
}

export const inspectionSheetName = (batch: string) => `${INSPECTION_PREFIX}${batch}`;
export const reportSheetName = (batch: string) => `${REPORT_PREFIX}${batch}`;
export const agreementSheetName = (calibration: string) => `${AGREE_PREFIX}${calibration}`;
export const adjudicationSheetName = (calibration: string) => `${ADJUDICATION_PREFIX}${calibration}`;
/** The batch (and sheet "QA <batch>-<k>") of a calibration batch's k-th inspector (1-based). */
export const calibrationMemberBatch = (calibration: string, k: number) => `${calibration}-${k}`;
/** Excel table names allow no spaces: "QA_b1". */
export const inspectionTableName = (batch: string) => `QA_${batch.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** Whether a sheet is one the add-in created (so never a decisions sheet). */
export function isOwnSheet(name: string): boolean {
  const lower = name.toLowerCase();
  return OWN.has(lower) || lower.startsWith('qa ');
}

/** A batch id that fits every sheet and table name the batch needs. */
export function isValidBatchId(batch: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 _-]{0,20}$/.test(batch) && batch.length <= MAX_BATCH_ID && !/^(report|agree|adj)\b/i.test(batch) && !OWN.has(`qa ${batch}`.toLowerCase());
}
