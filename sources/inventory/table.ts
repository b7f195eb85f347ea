/** The shape of an inventory table as read from a file, before any validation. */
import type { InventoryField } from '../schema.ts';

export interface TableColumn {
  header: string;
  /** null: a column without an inventory field; its values are in TableRow.extra (the import stores only the few recognised ones). */
  field: InventoryField | null;
}

export interface TableRow {
  /** 1-based row number as a spreadsheet shows it; the header is row 1, the first data row is 2. */
  row: number;
  /** Raw text per recognised field (trimmed, not validated); empty values are left out. */
  values: Partial<Record<InventoryField, string>>;
  /** Columns without a field, keyed by their original header text, for the reader's callers; empty values are left out. */
  extra: Record<string, string>;
  /** XLSX only, when a cell could not be read (a formula without a saved value): the reason, by header. */
  unreadable?: Record<string, string>;
}

export type TableFormat = 'csv' | 'xlsx';
export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

export interface InventoryTable {
  /** Basename of the file, never an absolute path: it goes into committed reports. */
  file: string;
  format: TableFormat;
  /** CSV only. */
  encoding?: CsvEncoding;
  /** CSV only. */
  delimiter?: CsvDelimiter;
  /** XLSX only: the sheet that was read. */
  sheet?: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Rows above the header (a title), skipped; absent when the header is the first row. */
  titleRows?: number[];
}

/** A non-empty row of cells as a file delivers it, before headers are applied. */
export interface RawRow {
  row: number;
  cells: string[];
  /** Cells that could not be read, by column index (0-based), with the reason. */
  unreadable?: Map<number, string>;
}
