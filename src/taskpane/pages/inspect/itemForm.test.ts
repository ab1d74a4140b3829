import type { InspectionRow } from '../../../flows/inspectionRows';
import { formChanged, itemFormFor } from './itemForm';

const row = (patch: Partial<InspectionRow>) =>
  ({
    index: 0,
    itemId: 'v1',
    verdict: 'remove',
    policy: 'SAF.HATE',
    qaVerdict: null,
    qaPolicy: '',
    qaComment: '',
    escalate: false,
    reason: '',
    ...patch,
  }) as InspectionRow;
const label = (code: string) => `${code} — name`;

test('an item starts from its own saved input, else the moderator policy; blind review starts empty', () => {
  expect(itemFormFor(row({}), { blind: false, label })).toEqual({
    verdict: undefined,
    policyText: 'SAF.HATE — name',
    comment: '',
    escalate: false,
    reason: '',
  });
  expect(itemFormFor(row({}), { blind: true, label }).policyText).toBe('');
  const saved = row({ qaVerdict: 'remove', qaPolicy: 'SAF.HARASS', qaComment: 'c', escalate: true, reason: 'R1' });
  expect(itemFormFor(saved, { blind: true, label })).toEqual({
    verdict: 'remove',
    policyText: 'SAF.HARASS — name',
    comment: 'c',
    escalate: true,
    reason: 'R1',
  });
  expect(itemFormFor(undefined, { blind: false, label }).policyText).toBe('');
});

test('anything entered and not saved counts as a change (the Next item command saves it first); spaces do not', () => {
  const start = itemFormFor(row({}), { blind: false, label });
  expect(formChanged(start, { ...start })).toBe(false);
  expect(formChanged(start, { ...start, comment: '  ' })).toBe(false);
  expect(formChanged(start, { ...start, policyText: ' SAF.HATE — name ' })).toBe(false);
  expect(formChanged(start, { ...start, verdict: 'approve' })).toBe(true);
  expect(formChanged(start, { ...start, comment: 'looks fine' })).toBe(true);
  expect(formChanged(start, { ...start, policyText: 'いじめ' })).toBe(true);
  expect(formChanged(start, { ...start, escalate: true })).toBe(true);
  expect(formChanged(start, { ...start, reason: 'R2' })).toBe(true);
});
