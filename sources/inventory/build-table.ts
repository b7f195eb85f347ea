import { MonitorError } from '../errors.ts';
import { checkColumns } from './check-columns.ts';
import { columnLetters } from './shown-text.ts';
import { fieldForHeader } from './header-synonyms.ts';
import type { RawRow, TableColumn, TableRow } from './table.ts';

/**
 * The non-empty raw rows of a file, in order, handed to `visit` one at a time. It may be called
 * more than once (the table is checked in a first pass and read in a second), and throws what is
 * wrong with the file as a whole after its last row.
 */
export type RawRowSource = (visit: (row: RawRow) => void) => void;

/** A check of the whole file made in the same first pass (limits.ts), thrown before the table's own checks. */
export interface FilePass {
  see(row: RawRow): void;
  check(): void;
}

/** A checked table whose rows are read on demand: `eachRow` reads the source again and never holds it whole. */
export interface TableStream {
  columns: TableColumn[];
  titleRows?: number[];
  /** The rows `eachRow` hands over. */
  rowCount: number;
  eachRow(visit: (row: TableRow) => void): void;
}

/** How far down a header row is looked for, below a title or notes. */
export const HEADER_SEARCH_ROWS = 10;

/** A column together with the position of its cells in a raw row. */
interface PlacedColumn {
  index: number;
  column: TableColumn;
}

/**
 * Non-empty raw rows → columns and rows with trimmed, non-empty values, in two passes over the
 * source. The header is the first row with a name column among the first rows (a title row above
 * it is skipped and listed in titleRows); without one, the first row is the header and
 * checkColumns says what is missing. The first pass checks the whole file and keeps only the first
 * rows (to find the header) and the first row of each problem, so that the refusals are those of
 * the file held whole, in the same order; the second (`eachRow`) makes the rows.
 */
export function streamTable(file: string, source: RawRowSource, filePass?: FilePass): TableStream {
  const firstRows: RawRow[] = [];
  let layout: HeaderLayout | undefined;
  const take = (raw: RawRow) => {
    if (layout === undefined) {
      firstRows.push(raw);
      if (firstRows.length === HEADER_SEARCH_ROWS) layout = headerLayout(firstRows);
    } else layout.see(raw);
  };
  source((raw) => {
    filePass?.see(raw);
    take(raw);
  });
  filePass?.check();
  layout ??= headerLayout(firstRows);
  const { headerIndex, columns, placed, rowCount } = layout.check(file);
  const titleRows = firstRows.slice(0, headerIndex).map(({ row }) => row);
  return {
    columns,
    ...(titleRows.length === 0 ? {} : { titleRows }),
    rowCount,
    eachRow(visit) {
      let index = 0;
      source((raw) => {
        index += 1;
        if (index <= headerIndex + 1) return;
        const row = tableRow(raw, placed);
        if (row !== undefined) visit(row);
      });
    },
  };
}

interface HeaderLayout {
  /** Takes a row below the first ones: a data row. */
  see(raw: RawRow): void;
  /** The refusals of the file held whole, in their order, or the layout. */
  check(file: string): { headerIndex: number; columns: TableColumn[]; placed: PlacedColumn[]; rowCount: number };
}

function headerLayout(firstRows: readonly RawRow[]): HeaderLayout {
  const found = firstRows.findIndex(({ cells }) => cells.some((cell) => fieldForHeader(cell.trim()) === 'name'));
  const headerIndex = Math.max(found, 0);
  const header = firstRows[headerIndex];
  const headers = (header?.cells ?? []).map((cell) => cell.trim());
  const width = lastFilledIndex(headers) + 1;
  const named = headers.slice(0, width).flatMap((text, index): PlacedColumn[] => (text === '' ? [] : [{ index, column: { header: text, field: fieldForHeader(text) } }]));
  const unnamed = headers.slice(0, width).flatMap((text, index) => (text === '' ? [index] : []));
  let tooWide: { row: number; cellCount: number } | undefined;
  /** Per column without a header, the first data row with a value in it. */
  const filledUnnamed = new Map<number, number>();
  let rowCount = 0;
  const see = ({ row, cells, unreadable }: RawRow) => {
    const cellCount = lastFilledIndex(cells) + 1;
    if (cellCount > width) tooWide ??= { row, cellCount };
    for (const index of unnamed) if (!filledUnnamed.has(index) && cellValue(cells, index) !== '') filledUnnamed.set(index, row);
    if (named.some(({ index }) => cellValue(cells, index) !== '') || named.some(({ index, column }) => column.field !== null && unreadable?.has(index) === true)) rowCount += 1;
  };
  firstRows.slice(headerIndex + 1).forEach(see);
  return {
    see,
    check(file) {
      if (header === undefined || (found === -1 && header.row !== 1)) {
        throw new MonitorError('de kopregel (rij 1) is leeg; zet de kolomnamen in de eerste rij', { location: { file } });
      }
      if (tooWide !== undefined) {
        throw new MonitorError(`meer kolommen dan de kopregel (${tooWide.cellCount} in plaats van ${width})`, { location: { file, row: tooWide.row } });
      }
      for (const index of unnamed) {
        const filled = filledUnnamed.get(index);
        if (filled === undefined) continue; // an empty spacer column
        throw new MonitorError(
          `kolom ${index + 1} (${columnLetters(index)}) heeft geen kopnaam maar wel waarden (eerste in rij ${filled})`,
          { location: { file } },
        );
      }
      const columns = named.map(({ column }) => column);
      checkColumns(file, columns);
      return { headerIndex, columns, placed: named, rowCount };
    },
  };
}

/** A data row as its fields and extra columns; undefined when it holds nothing in a named column. */
function tableRow({ row, cells, unreadable }: RawRow, placed: readonly PlacedColumn[]): TableRow | undefined {
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
  if (!filled && extra === undefined && problems === undefined) return undefined;
  // fromEntries defines own properties, so even a header like "__proto__" is kept as data.
  return { row, values, extra: extra === undefined ? {} : Object.fromEntries(extra), ...(problems === undefined ? {} : { unreadable: Object.fromEntries(problems) }) };
}

function cellValue(cells: readonly string[], index: number): string {
  return (cells[index] ?? '').trim();
}

function lastFilledIndex(cells: readonly string[]): number {
  return cells.findLastIndex((cell) => cell.trim() !== '');
}
