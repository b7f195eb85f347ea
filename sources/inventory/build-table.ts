import { MonitorError } from '../errors.ts';
import { checkColumns } from './check-columns.ts';
import { columnLetters } from './column-letters.ts';
import { fieldForHeader } from './header-synonyms.ts';
import type { RawRow, TableColumn, TableRow } from './table.ts';

export interface BuiltTable {
  columns: TableColumn[];
  rows: TableRow[];
}

/** A column together with the position of its cells in a raw row. */
interface PlacedColumn {
  index: number;
  column: TableColumn;
}

/** Non-empty raw rows (the first being the header) → columns and rows with trimmed, non-empty values. */
export function buildTable(file: string, rawRows: readonly RawRow[]): BuiltTable {
  const [header, ...dataRows] = rawRows;
  if (header === undefined || header.row !== 1) {
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

  const rows = dataRows.map(({ row, cells }): TableRow => {
    const values: TableRow['values'] = {};
    const extra: Array<[string, string]> = [];
    for (const { index, column } of placed) {
      const value = cellValue(cells, index);
      if (value === '') continue;
      if (column.field === null) extra.push([column.header, value]);
      else values[column.field] = value;
    }
    // fromEntries defines own properties, so even a header like "__proto__" is kept as data.
    return { row, values, extra: Object.fromEntries(extra) };
  });
  return { columns, rows };
}

function cellValue(cells: readonly string[], index: number): string {
  return (cells[index] ?? '').trim();
}

function lastFilledIndex(cells: readonly string[]): number {
  return cells.findLastIndex((cell) => cell.trim() !== '');
}
