/** The sheets the add-in owns (shared/DESIGN.md); the user's decisions sheet is never among them. */
export const TAXONOMY_SHEET = 'QA Taxonomy';
export const FINDINGS_SHEET = 'QA Findings';
export const BATCHES_SHEET = 'QA Batches';
export const SETTINGS_SHEET = 'QA Settings';
/** The cross-batch view: accuracy and ISO 2859-1 switching state per moderator over every batch. */
export const MODERATORS_SHEET = 'QA Moderators';
/** Error reasons (bilingual, editable by the lead). */
export const REASONS_SHEET = 'QA Reasons';
/** Accuracy per moderator, policy and market over every batch; the switching state per moderator. */
export const TRENDS_SHEET = 'QA Trends';
/** One moderator's errors to share: "QA Coach <moderator>". */
export const COACH_PREFIX = 'QA Coach ';
/** Agreement among the judgments of a decisions sheet (items judged more than once). */
export const AGREEMENT_SHEET = 'QA Agreement';
/** A calibration batch's agreement report and its adjudication sheet. */
export const AGREE_PREFIX = 'QA Agree ';
export const ADJUDICATION_PREFIX = 'QA Adj ';
export const INSPECTION_PREFIX = 'QA ';
export const REPORT_PREFIX = 'QA Report ';
/** Sheet names are at most 31 characters: "QA Report " leaves 21 for the batch id. */
export const MAX_BATCH_ID = 31 - REPORT_PREFIX.length;

const OWN = new Set(
  [
    TAXONOMY_SHEET,
    FINDINGS_SHEET,
    BATCHES_SHEET,
    SETTINGS_SHEET,
    MODERATORS_SHEET,
    REASONS_SHEET,
    TRENDS_SHEET,
    AGREEMENT_SHEET,
  ].map((s) => s.toLowerCase()),
);

/** An inspection sheet: "QA <batch>", not a report and not one of the fixed sheets (nor a temporary one). */
export function isInspectionSheet(name: string): boolean {
  return (
    name.startsWith(INSPECTION_PREFIX) &&
    !name.startsWith(REPORT_PREFIX) &&
    !name.startsWith(COACH_PREFIX) &&
    !name.startsWith(AGREE_PREFIX) &&
    !name.startsWith(ADJUDICATION_PREFIX) &&
    !OWN.has(name.toLowerCase()) &&
    !name.includes('~')
  );
}

export const inspectionSheetName = (batch: string) => `${INSPECTION_PREFIX}${batch}`;
export const reportSheetName = (batch: string) => `${REPORT_PREFIX}${batch}`;
export const agreementSheetName = (calibration: string) => `${AGREE_PREFIX}${calibration}`;
export const adjudicationSheetName = (calibration: string) => `${ADJUDICATION_PREFIX}${calibration}`;
/** The batch (and sheet "QA <batch>-<k>") of a calibration batch's k-th inspector (1-based). */
export const calibrationMemberBatch = (calibration: string, k: number) => `${calibration}-${k}`;
/**
 * The Excel table name of a batch's inspection table: "QA_" then the batch name with ASCII letters
 * and digits kept and every other character — "_" included — written as "_" and its four hex
 * UTF-16 digits. Table names allow only letters, digits, "_" and "." and must be unique in the
 * workbook (excel-api.md "Names"; R excel.tablecollection.yml `add`), so "w-48", "w_48" and "w 48"
 * no longer collide ("QA_w_002D48", "QA_w_005F48", "QA_w_002048") and 「第48週」 gets a name
 * ("QA__7B2C48_9031"). The escape is reversible, hence unique; 21 characters give at most 108.
 *
 * @example inspectionTableName('w48') // 'QA_w48'
 */
export const inspectionTableName = (batch: string) => `QA_${[...batch].map(tableNameCharacter).join('')}`;

/** A letter or digit as it is; any other character as `_` and its UTF-16 code units in hex. */
function tableNameCharacter(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return ch;
  return Array.from(
    { length: ch.length },
    (_, i) => `_${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`,
  ).join('');
}

/** Characters Excel refuses in a sheet name (excel-api.md "Names"). */
const SHEET_FORBIDDEN = /[:\\/?*[\]]/;

/**
 * Why a batch name cannot be used, or undefined when it can. Any letters are fine (Japanese
 * included); what is refused is what Excel refuses in the sheet names "QA <batch>" and
 * "QA Report <batch>" (31 characters at most, none of : \ / ? * [ ], no apostrophe at the end),
 * a name that is blank, and one that would name a sheet the add-in owns.
 */
export function batchNameProblem(batch: string):
  | {
      key:
        | 'batch.error.empty'
        | 'batch.error.tooLong'
        | 'batch.error.characters'
        | 'batch.error.apostrophe'
        | 'batch.error.reserved';
      params: Record<string, string | number>;
    }
  | undefined {
  if (batch.trim() === '' || batch !== batch.trim()) return { key: 'batch.error.empty', params: { batch } };
  if (batch.length > MAX_BATCH_ID)
    return { key: 'batch.error.tooLong', params: { batch, length: batch.length, max: MAX_BATCH_ID } };
  if (SHEET_FORBIDDEN.test(batch) || /[\u0000-\u001f]/.test(batch))
    return { key: 'batch.error.characters', params: { batch } };
  if (batch.endsWith("'")) return { key: 'batch.error.apostrophe', params: { batch } };
  if (/^(report|coach|agree|adj)(\s|$)/i.test(batch) || OWN.has(`qa ${batch}`.toLowerCase()) || batch.includes('~'))
    return { key: 'batch.error.reserved', params: { batch } };
  return undefined;
}

/** Whether a sheet is one the add-in created (so never a decisions sheet). */
export function isOwnSheet(name: string): boolean {
  const lower = name.toLowerCase();
  return OWN.has(lower) || lower.startsWith('qa ');
}

/** A batch id that fits every sheet and table name the batch needs (batchNameProblem says why not). */
export function isValidBatchId(batch: string): boolean {
  return batchNameProblem(batch) === undefined;
}

/**
 * A coaching sheet's name: "QA Coach " and the moderator, cut to
 * Excel's 31 characters without the characters a sheet name refuses.
 */
export const coachSheetName = (moderator: string) =>
  `${COACH_PREFIX}${moderator.replace(/[\\/?*[\]:']/g, '_')}`.slice(0, 31).trimEnd();
