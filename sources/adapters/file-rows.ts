/**
 * Row checks shared by the sources that come in as a file of their own (regional corrections,
 * surveys), so nothing in such a file is dropped without a reason and nothing unread is stored:
 * the guard's bound on a whole row, unreadable cells, and the columns the source does not read.
 */
import { guardRow } from '../guard.ts';
import type { InventoryTable, TableColumn, TableRow } from '../inventory/table.ts';
import type { Reject } from '../schema.ts';
import { headerFinder } from './file-import.ts';

export interface ReadableRows {
  /** The rows the source can read; each other row is a reject with its reason. */
  rows: TableRow[];
  rejects: Reject[];
  /** The headers of the columns the source does not read: named in the import message, never stored. */
  ignoredColumns: string[];
}

/**
 * A row is refused whole when it is longer than the guard allows (named by its longest column)
 * or when a cell of a column the source reads could not be read (an xlsx formula without a value).
 */
export function readableRows(source: string, fileName: string, table: Pick<InventoryTable, 'columns' | 'rows'>, reads: (column: TableColumn) => boolean): ReadableRows {
  const header = headerFinder(table);
  const read = new Set(table.columns.filter(reads).map((column) => column.header));
  const result: ReadableRows = {
    rows: [],
    rejects: [],
    ignoredColumns: table.columns.filter((column) => !read.has(column.header)).map((column) => column.header),
  };
  for (const row of table.rows) {
    const problems = problemsOf(row, header, read);
    if (problems.length === 0) result.rows.push(row);
    else result.rejects.push(...problems.map(({ field, reason }) => ({ source, file: fileName, row: row.row, field, reason })));
  }
  return result;
}

function problemsOf(row: TableRow, header: (field: string) => string, read: ReadonlySet<string>): { field: string; reason: string }[] {
  const cells = [...Object.entries(row.values).map(([field, text]) => [header(field), text] as const), ...Object.entries(row.extra)];
  const tooLong = guardRow(cells.map(([, text]) => text));
  if (tooLong !== undefined) {
    const [longest] = [...cells].sort(([, a], [, b]) => b.length - a.length);
    return [{ field: longest?.[0] ?? '–', reason: tooLong }];
  }
  return Object.entries(row.unreadable ?? {}).filter(([column]) => read.has(column)).map(([field, reason]) => ({ field, reason }));
}
