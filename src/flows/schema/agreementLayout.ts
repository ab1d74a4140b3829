/**
 * `QA Agreement` (a decisions sheet) and `QA Agree <calibration>`: a report down column A, blocks
 * one blank row apart — the title and how it was computed, the coefficients, the pairwise κ
 * matrix and list, each inspector's accuracy (calibration only), the disagreements. Each block's
 * columns carry their catalog labels (`agreement.col.<name>`).
 */
import type { MessageKey } from '../../i18n';
import { AGREE_PREFIX, AGREEMENT_SHEET } from '../sheets';
import { catalogLabels, defineSheet } from './sheetSchema';

const block = <const C extends string>(names: C[]) =>
  defineSheet(
    AGREEMENT_SHEET,
    names.map((name) => ({ name, ...catalogLabels(`agreement.col.${name}` as MessageKey) })),
  );

export const AGREEMENT = {
  name: AGREEMENT_SHEET,
  /** A calibration batch's report: the prefix and the calibration's name (sheets.agreementSheetName). */
  prefix: AGREE_PREFIX,
  /** Columns A and B hold the names (coefficients, raters, items): written as text. */
  textColumns: [0, 1],
  coefficients: block(['coefficient', 'value', 'low', 'high', 'items']),
  pairwise: block(['rater', 'otherRater', 'value', 'low', 'high', 'items']),
  accuracy: block(['rater', 'correct', 'of', 'rate', 'low', 'high']),
  disagreements: block(['item', 'judgments']),
  /** At most this many disagreements are listed (the count is always given). */
  maxListed: 20000,
} as const;
