/**
 * Tidy CSV for researchers: UTF-8, comma-separated, LF, a header row, RFC 4180 quoting, numbers
 * with a decimal point and a fixed number of decimals per column, empty for unknown. The same
 * data always gives the same bytes.
 *
 * CSV injection (OWASP): a text cell starting with = + - @ tab or CR is written with a single
 * quote in front and quoted, so a spreadsheet shows it as text instead of running it. The quote
 * is reversible (sources/safe-text.ts: a text that already starts with quotes before
 * such a character gets one more), documented for researchers in reports/README.md. Numbers are
 * written as numbers: a negative shortfall stays -3.23.
 */
import { safeText } from '../../sources/safe-text.ts';
import { roundHalfAway } from '../../pipeline/format-nl.ts';

export type CellValue = string | number | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /** Decimals for a numeric column; numbers are rounded half away from zero. */
  decimals?: number;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return [...csvLines(columns, rows)].join('');
}

/** The same text line by line (each with its newline), made as it is written: a file of every steunpunt. */
export function* csvLines<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): Generator<string> {
  yield `${columns.map((column) => quote(column.header)).join(',')}\n`;
  const last = columns.length - 1;
  for (const row of rows) {
    // A line made cell by cell: an array of cells per row was garbage at every one of a million rows.
    let line = '';
    for (let index = 0; index < last; index++) line += `${formatCell(columns[index]!.value(row), columns[index]!.decimals)},`;
    yield last < 0 ? '\n' : `${line}${formatCell(columns[last]!.value(row), columns[last]!.decimals)}\n`;
  }
}

function formatCell(value: CellValue, decimals: number | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, decimals ?? 0) : '';
  const safe = safeText(value);
  return safe === value ? quote(value) : `"${safe.replace(/"/g, '""')}"`;
}


function formatNumber(value: number, decimals: number): string {
  return roundHalfAway(value, decimals).toFixed(decimals);
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
