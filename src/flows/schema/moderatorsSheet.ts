/**
 * `QA Moderators`, the cross-batch view: a title row, then the header and one row per moderator.
 * The first four labels stay the column names in both languages (as the sheet has always had them).
 */
import { MODERATORS_SHEET } from '../sheets';
import { catalogLabels, defineSheet } from './sheetSchema';

export const moderatorsSheet = defineSheet(MODERATORS_SHEET, [
  { name: 'moderator', ja: 'moderator' },
  { name: 'batches', ja: 'batches', numeric: true },
  { name: 'inspected', ja: 'inspected', numeric: true },
  { name: 'correct', ja: 'correct', numeric: true },
  { name: 'accuracy', ...catalogLabels('report.accuracy'), numeric: true },
  { name: 'interval', ...catalogLabels('report.interval') },
  { name: 'switching', ...catalogLabels('report.switching') },
]);

/** Where the header is (the title above it); moderators follow. */
export const MODERATORS = { titleRow: 0, headerRow: 1, firstRow: 2 } as const;
