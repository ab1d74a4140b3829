/**
 * `QA Coach <moderator>`: one moderator's errors to share. A title, a summary line, then the
 * header and one row per error; every cell is text (names, links and comments are untrusted).
 */
import type { MessageKey } from '../../i18n';
import { COACH_PREFIX } from '../sheets';
import type { InspectionColumn } from './inspectionSheet';
import { catalogLabels, defineSheet } from './sheetSchema';

const column = <const C extends string>(name: C) => ({ name, ...catalogLabels(`coach.col.${name}` as MessageKey) });

/** The sheet's name is the prefix and the moderator (sheets.coachSheetName). */
export const coachingSheet = defineSheet(COACH_PREFIX, [
  column('batch'),
  column('item'),
  column('link'),
  column('verdict'),
  column('policy'),
  column('qaVerdict'),
  column('qaPolicy'),
  column('outcome'),
  column('reason'),
  column('comment'),
  column('dispute'),
]);

/** The inspection columns a coaching sheet is made from. */
export const COACHING_SOURCE: readonly InspectionColumn[] = [
  'item_id',
  'moderator',
  'verdict',
  'policy',
  'url',
  'qa_verdict',
  'qa_policy',
  'reason',
  'qa_comment',
  'dispute',
  'settlement',
];

/** The title's row, the summary's, the header's; the errors follow. */
export const COACHING = { titleRow: 0, summaryRow: 1, headerRow: 2 } as const;
