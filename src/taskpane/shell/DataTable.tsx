import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

/** A row of a DataTable: its cells in column order. */
export interface DataRow {
  key: string | number;
  cells: ReactNode[];
  /** The row the table is filtered by, where a page picks one (aria-selected). */
  selected?: boolean;
  /** Attributes of each cell by column (the data-* hooks the browser tests read). */
  cellAttributes?: (Record<`data-${string}`, string | undefined> | undefined)[];
}

/** A table of results: a header row of column names (none for label–value rows), then one row per record. */
export function DataTable(props: {
  columns?: ReactNode[];
  rows: DataRow[];
  size?: 'extra-small' | 'small';
  className?: string;
  headerClassName?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}): ReactElement {
  return (
    <Table
      size={props.size ?? 'small'}
      className={props.className}
      aria-label={props['aria-label']}
      aria-labelledby={props['aria-labelledby']}
    >
      {props.columns && (
        <TableHeader>
          <TableRow>
            {props.columns.map((c, i) => (
              <TableHeaderCell key={i} className={props.headerClassName}>
                {c}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
      )}
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={row.key} {...(row.selected === undefined ? {} : { 'aria-selected': row.selected })}>
            {row.cells.map((cell, i) => (
              <TableCell key={i} {...row.cellAttributes?.[i]}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
