/**
 * Named items (R excel.nameditem.yml): names follow the table-name rules and share their
 * namespace (excel-api.md "Names"); a name refers to a range by a reference such as
 * "='QA Taxonomy'!$A$2:$A$40".
 */
import { formatRange, quoteSheetName, splitAddress } from '../../excelSpec';
import { assertFound, EmulatorError, localRect } from '../errors';
import { isRef, ref, type Exec, type HostClass } from './dispatch';
import { rangeRef, type RangeTarget } from './range';

interface NamedItem {
  name: string;
  reference: string;
  comment: string;
}

function rangeOf(item: NamedItem, x: Exec) {
  const { sheet, local } = splitAddress(item.reference.replace(/^=/, ''));
  const s = sheet ? x.model.sheet(sheet) : undefined;
  if (!s) return null;
  return rangeRef(s, localRect(local.replace(/\$/g, '')));
}

const namedItemClass: HostClass<NamedItem> = {
  name: 'NamedItem',
  props: {
    Name: { get: (n) => n.name },
    Formula: { get: (n) => n.reference },
    Comment: { get: (n) => n.comment, set: (n, v) => void (n.comment = String(v)) },
    Type: { get: () => 'Range' },
    Visible: { get: () => true },
  },
  methods: {
    GetRange: (n, _args, x) => {
      const r = rangeOf(n, x);
      if (!r)
        throw new EmulatorError(
          'InvalidReference',
          `The name "${n.name}" does not refer to a range.`,
          'NamedItem.getRange',
        );
      return r;
    },
    GetRangeOrNullObject: (n, _args, x) => rangeOf(n, x),
    Delete: (n, _args, x) => void x.model.names.delete(n.name.toLowerCase()),
  },
};

export const namedItemCollectionClass: HostClass<null> = {
  name: 'NamedItemCollection',
  items: (_o, x) => [...x.model.names.values()].map((n) => ref(namedItemClass, n)),
  indexer: (_o, key, x) => {
    const n = x.model.names.get(String(key).toLowerCase());
    assertFound(n, `The name "${String(key)}" does not exist.`, 'NamedItemCollection.getItem');
    return ref(namedItemClass, n);
  },
  methods: {
    Add: (_o, [name, reference, comment], x) => {
      x.model.checkTableName(String(name));
      let formula: string;
      if (isRef(reference)) {
        const t = reference.obj as RangeTarget;
        formula = `=${quoteSheetName(t.sheet.name)}!${formatRange(t.rect)}`;
      } else formula = String(reference);
      const item = {
        name: String(name),
        reference: formula,
        comment: comment === undefined || comment === null ? '' : String(comment),
      };
      x.model.names.set(item.name.toLowerCase(), item);
      return ref(namedItemClass, item);
    },
    GetItemOrNullObject: (_o, [key], x) => {
      const n = x.model.names.get(String(key).toLowerCase());
      return n ? ref(namedItemClass, n) : null;
    },
    GetCount: (_o, _args, x) => x.model.names.size,
  },
};
