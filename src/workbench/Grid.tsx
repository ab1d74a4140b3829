import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { columnLetter } from '../excelSpec';
import type { EmulatedWorkbook } from '../emulator';
import { MAX_COLUMN, MAX_ROW } from '../excelSpec';
import type { SheetModel } from '../emulator/model';
import { displayValue, effectiveFormat, listChoices } from './cellDisplay';
import { chartSpec } from './chartData';
import { ChartOverlay } from './ChartOverlay';

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 56;
const DEFAULT_WIDTH = 88;
const MAX_WIDTH = 420;

/** How the column and row headers look (grey, centred, ruled). */
const headerLook = {
  textAlign: 'center',
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  boxSizing: 'border-box',
} as const;

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    outline: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    ':focus-visible': { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
  },
  headerRow: { position: 'sticky', top: 0, zIndex: 3, height: `${HEADER_HEIGHT}px` },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 4,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  colHeader: {
    position: 'absolute',
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    lineHeight: `${HEADER_HEIGHT}px`,
    ...headerLook,
  },
  row: { position: 'absolute', left: 0, height: `${ROW_HEIGHT}px` },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT}px`,
    ...headerLook,
  },
  cell: {
    position: 'absolute',
    top: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: '0 4px',
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
    cursor: 'cell',
  },
  number: { textAlign: 'right' },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', zIndex: 1 },
  dropdown: {
    '::after': { content: '"▾"', position: 'absolute', right: '3px', color: tokens.colorNeutralForeground3 },
  },
  editor: {
    position: 'absolute',
    zIndex: 5,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    border: `2px solid ${tokens.colorBrandStroke1}`,
    padding: '0 3px',
    fontSize: tokens.fontSizeBase200,
    fontFamily: 'inherit',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface GridProps {
  book: EmulatedWorkbook;
  sheet: SheetModel;
  /** Changes whenever the workbook changed, so the grid redraws. */
  version: number;
  labels: { grid: string; edit: (cell: string) => string };
  onEditError(error: unknown): void;
}

interface Editing {
  /** Which edit this is: a blur after Enter must not commit the same edit twice. */
  id: number;
  row: number;
  column: number;
  text: string;
  choices?: string[];
}

/**
 * The embedded workbook's sheet as a spreadsheet grid: virtualized rows and columns (a full sheet
 * scrolls), Excel's number formats and conditional fills, the selected cell, editing by typing,
 * Enter or F2 or double-click, and a dropdown on list-validated cells.
 */
export function Grid(props: GridProps): ReactElement {
  const { book, sheet, version } = props;
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditingState] = useState<Editing>();
  const current = useRef<Editing | undefined>(undefined);
  const nextEditId = useRef(0);
  const setEditing = (edit: Editing | undefined) => {
    current.current = edit;
    setEditingState(edit);
  };
  // Every change to the sheet's cells bumps its revision (or replaces its rows); a notification
  // about another sheet or a read (every sync of a flow) must not rescan 100,000 rows.
  const used = useMemo(() => sheet.usedRect(false), [sheet, sheet.revision, sheet.rows]);
  const rowCount = Math.min(MAX_ROW, Math.max(200, (used ? used.row + used.rowCount : 0) + 100));
  const columnCount = Math.min(MAX_COLUMN, Math.max(16, (used ? used.column + used.columnCount : 0) + 6));
  const widths = useMemo(
    () =>
      Array.from({ length: columnCount }, (_, c) =>
        Math.min(MAX_WIDTH, Math.max(24, sheet.columnWidths.get(c) ?? DEFAULT_WIDTH)),
      ),
    [sheet, columnCount, version],
  );
  const starts = useMemo(
    () => widths.reduce<number[]>((acc, w, i) => (acc.push(i ? acc[i - 1] + widths[i - 1] : 0), acc), []),
    [widths],
  );
  // A column's left edge, also past the columns laid out (a chart may reach beyond the used range).
  const leftOf = (c: number) =>
    ROW_HEADER_WIDTH +
    (c < columnCount
      ? starts[c]
      : starts[columnCount - 1] + widths[columnCount - 1] + (c - columnCount) * DEFAULT_WIDTH);
  const charts = useMemo(
    () => sheet.charts.map((c) => chartSpec(book.model, c)).filter((c) => c !== undefined),
    [book, sheet, version],
  );
  const totalWidth = ROW_HEADER_WIDTH + (starts[columnCount - 1] ?? 0) + (widths[columnCount - 1] ?? 0);

  // The sticky headers take room at the start: padding tells the virtualizer, so a cell scrolled
  // into view is never left under a header.
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    useFlushSync: false,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: columnCount,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => widths[i] ?? DEFAULT_WIDTH,
    overscan: 2,
    useFlushSync: false,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
  });
  useEffect(() => columns.measure(), [widths, columns]);

  const selection = book.model.selection?.sheet === sheet ? book.model.selection.rect : undefined;
  const active = selection ? { row: selection.row, column: selection.column } : { row: 0, column: 0 };

  // A selection made elsewhere (a finding clicked in the pane) scrolls into view.
  useEffect(() => {
    if (!selection) return;
    rows.scrollToIndex(selection.row, { align: 'auto' });
    columns.scrollToIndex(selection.column, { align: 'auto' });
  }, [selection?.row, selection?.column, sheet]);

  // The person's selection: the add-in hears it (Worksheet.onSelectionChanged), as in Excel.
  const select = (row: number, column: number) =>
    book.select(sheet, {
      row: Math.max(0, Math.min(rowCount - 1, row)),
      column: Math.max(0, Math.min(columnCount - 1, column)),
      rowCount: 1,
      columnCount: 1,
    });

  const startEdit = (row: number, column: number, initial?: string) => {
    const choices = listChoices(book.model, sheet, row, column);
    const formula = sheet.formula(row, column);
    setEditing({
      id: ++nextEditId.current,
      row,
      column,
      text: initial ?? formula ?? String(sheet.value(row, column)),
      choices,
    });
  };

  const commit = async (edit: Omit<Editing, 'id'> & { id?: number }, move: [number, number]) => {
    if (edit.id !== undefined && current.current?.id !== edit.id) return;
    setEditing(undefined);
    scroller.current?.focus();
    try {
      const before = sheet.formula(edit.row, edit.column) ?? String(sheet.value(edit.row, edit.column));
      if (edit.text !== before) await book.editCell(sheet.name, edit.row, edit.column, edit.text);
      select(edit.row + move[0], edit.column + move[1]);
    } catch (error) {
      props.onEditError(error);
    }
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== scroller.current) return;
    // Keys typed between starting an edit and its editor taking the focus belong to the edit:
    // a fast typist loses no character (the ref sees the edit before React renders it).
    const pending = current.current;
    if (pending) {
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
      if (plain && e.key.length === 1 && !pending.choices) {
        e.preventDefault();
        setEditing({ ...pending, text: pending.text + e.key });
      } else if (plain && e.key === 'Enter') {
        e.preventDefault();
        void commit(pending, [1, 0]);
      }
      return;
    }
    // The model's selection, not the last render's: a key right after a click (before the next
    // frame repaints) goes to the cell clicked.
    const now = book.model.selection?.sheet === sheet ? book.model.selection.rect : undefined;
    const { row, column } = now ?? active;
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    if (moves[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      select(row + moves[e.key][0], column + moves[e.key][1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(row, column);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void commit({ row, column, text: '' }, [0, 0]);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(row, column, listChoices(book.model, sheet, row, column) ? undefined : e.key);
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (!editing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(undefined);
      scroller.current?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void commit(editing, [e.shiftKey ? -1 : 1, 0]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit(editing, [0, e.shiftKey ? -1 : 1]);
    }
  };

  const address = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;
  const inSelection = (row: number, column: number) =>
    selection !== undefined &&
    row >= selection.row &&
    row < selection.row + selection.rowCount &&
    column >= selection.column &&
    column < selection.column + selection.columnCount;
  const virtualColumns = columns.getVirtualItems();

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={props.labels.grid}
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount + 1}
      aria-activedescendant={`cell-${address(active.row, active.column)}`}
      aria-multiselectable="true"
      tabIndex={0}
      onKeyDown={onGridKey}
      data-sheet={sheet.name}
    >
      <div style={{ height: rows.getTotalSize(), width: totalWidth, position: 'relative' }}>
        <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: totalWidth }}>
          <div className={styles.corner} role="columnheader" aria-colindex={1} />
          {virtualColumns.map((c) => (
            <div
              key={c.index}
              role="columnheader"
              aria-colindex={c.index + 2}
              className={styles.colHeader}
              style={{ left: ROW_HEADER_WIDTH + starts[c.index], width: widths[c.index] }}
            >
              {columnLetter(c.index)}
            </div>
          ))}
        </div>
        {rows.getVirtualItems().map((r) => (
          <div
            key={r.index}
            role="row"
            aria-rowindex={r.index + 2}
            className={styles.row}
            style={{ top: r.start, width: totalWidth }}
          >
            <div role="rowheader" className={styles.rowHeader}>
              {r.index + 1}
            </div>
            {virtualColumns.map((c) => {
              const value = sheet.value(r.index, c.index);
              const format = effectiveFormat(sheet, r.index, c.index);
              const isActive = active.row === r.index && active.column === c.index && selection !== undefined;
              const hasList = isActive && listChoices(book.model, sheet, r.index, c.index) !== undefined;
              const cls = [
                styles.cell,
                typeof value === 'number' ? styles.number : '',
                inSelection(r.index, c.index) && !isActive ? styles.selected : '',
                isActive ? styles.active : '',
                hasList ? styles.dropdown : '',
              ].join(' ');
              const cellAddress = address(r.index, c.index);
              return (
                <div
                  key={c.index}
                  id={`cell-${cellAddress}`}
                  role="gridcell"
                  aria-colindex={c.index + 2}
                  aria-selected={inSelection(r.index, c.index)}
                  data-cell={cellAddress}
                  className={cls}
                  style={{
                    left: ROW_HEADER_WIDTH + starts[c.index],
                    width: widths[c.index],
                    backgroundColor: format?.fill,
                    fontWeight: format?.fontBold ? 600 : undefined,
                    color: format?.fontColor,
                  }}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    scroller.current?.focus();
                    select(r.index, c.index);
                  }}
                  onDoubleClick={() => startEdit(r.index, c.index)}
                >
                  {value === '' ? '' : displayValue(value, sheet.numberFormat(r.index, c.index))}
                </div>
              );
            })}
          </div>
        ))}
        {charts.map((spec) => (
          <ChartOverlay
            key={spec.name}
            spec={spec}
            version={version}
            style={{
              top: HEADER_HEIGHT + spec.rect.row * ROW_HEIGHT,
              left: leftOf(spec.rect.column),
              width: leftOf(spec.rect.column + spec.rect.columnCount) - leftOf(spec.rect.column),
              height: spec.rect.rowCount * ROW_HEIGHT,
            }}
          />
        ))}
        {editing && (
          <Editor
            editing={editing}
            className={styles.editor}
            label={props.labels.edit(address(editing.row, editing.column))}
            style={{
              top: HEADER_HEIGHT + editing.row * ROW_HEIGHT,
              left: ROW_HEADER_WIDTH + starts[editing.column],
              minWidth: widths[editing.column],
            }}
            onChange={(text) => setEditing({ ...editing, text })}
            onCommit={(text) => void commit({ ...editing, text }, [1, 0])}
            onKeyDown={onEditorKey}
            onBlur={() => void commit(editing, [0, 0])}
          />
        )}
      </div>
    </div>
  );
}

function Editor(props: {
  editing: Editing;
  className: string;
  label: string;
  style: React.CSSProperties;
  onChange(text: string): void;
  onCommit(text: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>): void;
  onBlur(): void;
}): ReactElement {
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => {
    ref.current?.focus();
    if (ref.current && 'setSelectionRange' in ref.current && !props.editing.choices)
      ref.current.setSelectionRange(ref.current.value.length, ref.current.value.length);
  }, []);
  const { editing } = props;
  const common = {
    ref,
    'aria-label': props.label,
    className: props.className,
    style: props.style,
    value: editing.text,
    onKeyDown: props.onKeyDown,
    onBlur: props.onBlur,
  };
  if (editing.choices) {
    const options =
      editing.choices.includes(editing.text) || editing.text === ''
        ? editing.choices
        : [editing.text, ...editing.choices];
    return (
      <select {...common} onChange={(e) => props.onCommit(e.target.value)}>
        <option value="" />
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  return <input {...common} onChange={(e) => props.onChange(e.target.value)} />;
}
