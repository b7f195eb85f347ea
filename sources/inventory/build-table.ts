import { MonitorError } from '../errors.ts';
import { checkColumns } from './check-columns.ts';
import { columnLetters } from './shown-text.ts';
import { fieldForHeader } from './header-synonyms.ts';
import type { RawRow, TableColumn, TableRow } from './table.ts';

export interface BuiltTable {
  columns: TableColumn[];
  rows: TableRow[];
  titleRows?: number[];
}

/** How far down a header row is looked for, below a title or notes. */
export const HEADER_SEARCH_ROWS = 10;

/** A column together with the position of its cells in a raw row. */
interface PlacedColumn {
  index: number;
  column: TableColumn;
}

/**
 * Non-empty raw rows → columns and rows with trimmed, non-empty values. The header is the first
 * row with a name column among the first rows (a title row above it is skipped and listed in
 * titleRows); without one, the first row is the header and checkColumns says what is missing.
 */
export function buildTable(file: string, rawRows: readonly RawRow[]): BuiltTable {
  const found = rawRows.slice(0, HEADER_SEARCH_ROWS).findIndex(({ cells }) => cells.some((cell) => fieldForHeader(cell.trim()) === 'name'));
  const headerIndex = Math.max(found, 0);
  const titleRows = rawRows.slice(0, headerIndex).map(({ row }) => row);
  const header = rawRows[headerIndex];
  const dataRows = rawRows.slice(headerIndex + 1);
  if (header === undefined || (found === -1 && header.row !== 1)) {
    throw new MonitorError('de kopregel (rij 1) is leeg; zet de kolomnamen in de eerste rij', { location: { file } });
  }
  const headers = header.cells.map((cell) => cell.trim());
  const width = lastFilledIndex(headers) + 1;
  for (const { row, cells } of dataRows) {
    const cellCount = lastFilledIndex(cells) + 1;
    if (cellCount > width) {
      throw new MonitorError(`meer kolommen dan de kopregel (${cellCount} in plaats van ${width})`, { location: { file, row } });
    }
  }

  const placed = headers.slice(0, width).flatMap((text, index): PlacedColumn[] => {
    if (text !== '') return [{ index, column: { header: text, field: fieldForHeader(text) } }];
    const filled = dataRows.find(({ cells }) => cellValue(cells, index) !== '');
    if (filled === undefined) return []; // an empty spacer column
    throw new MonitorError(
      `kolom ${index + 1} (${columnLetters(index)}) heeft geen kopnaam maar wel waarden (eerste in rij ${filled.row})`,
      { location: { file } },
    );
  });
  const columns = placed.map(({ column }) => column);
  checkColumns(file, columns);

  const rows = dataRows.flatMap(({ row, cells, unreadable }): TableRow[] => {
    const values: TableRow['values'] = {};
    let filled = false;
    // Made only for a row that has them: most rows of a large list have neither.
    let extra: Array<[string, string]> | undefined;
    let problems: Array<[string, string]> | undefined;
    for (const { index, column } of placed) {
      const problem = unreadable?.get(index);
      // An uncalculated formula in a column without a field (the overview's gewicht) is nothing to read.
      if (problem !== undefined && column.field !== null) (problems ??= []).push([column.header, problem]);
      const value = cellValue(cells, index);
      if (value === '') continue;
      if (column.field === null) (extra ??= []).push([column.header, value]);
      else {
        values[column.field] = value;
        filled = true;
      }
    }
    if (!filled && extra === undefined && problems === undefined) return [];
    // fromEntries defines own properties, so even a header like "__proto__" is kept as data.
    return [{ row, values, extra: extra === undefined ? {} : Object.fromEntries(extra), ...(problems === undefined ? {} : { unreadable: Object.fromEntries(problems) }) }];
  });
  return { columns, rows, ...(titleRows.length === 0 ? {} : { titleRows }) };
}

function cellValue(cells: readonly string[], index: number): string {
  return (cells[index] ?? '').trim();
}

function lastFilledIndex(cells: readonly string[]): number {
  return cells.findLastIndex((cell) => cell.trim() !== '');
}
