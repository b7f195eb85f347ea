/**
 * Reads an inventory table (CSV or XLSX) into rows of raw text per field. Nothing is validated
 * here beyond the shape of the table and its limits (limits.ts); zod checks the values later.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MonitorError } from '../errors.ts';
import { streamTable, type FilePass } from './build-table.ts';
import { formatBytes } from './shown-text.ts';
import { openCsvGrid } from './csv-grid.ts';
import { gridLimits } from './grid-limits.ts';
import { formatForFile } from './file-format.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_UNPACKED_BYTES } from './limits.ts';
import type { InventoryTable, TableRow } from './table.ts';
import { readXlsxGrid } from './xlsx-grid.ts';

export type { CsvDelimiter, CsvEncoding, InventoryTable, TableColumn, TableFormat, TableRow } from './table.ts';

export interface ReadTableOptions {
  /** XLSX only: the sheet to read (any case). Default: the first visible sheet. */
  sheet?: string;
  /** Default 50 MiB. */
  maxBytes?: number;
  /** XLSX only: what the zip may unpack to in total. Default 50 MiB. */
  maxUnpackedBytes?: number;
  /** Data rows below the header. Default 100,000. */
  maxDataRows?: number;
}

export async function readInventoryTable(path: string, options: ReadTableOptions = {}): Promise<InventoryTable> {
  const file = basename(path);
  return readInventoryTableFromBytes(file, await readInventoryFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES), options);
}

/**
 * The bytes of an inventory file, refused before reading when its format is unknown or it is
 * larger than `maxBytes`. Messages name the file by its basename only.
 */
export async function readInventoryFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = basename(path);
  formatForFile(file); // an unknown format is reported before the file is touched
  checkSize(file, await fileSize(path, file), maxBytes);
  try {
    return await readFile(path);
  } catch (error) {
    throw new MonitorError(`bestand kan niet gelezen worden (${errorCode(error) ?? 'onbekende fout'})`, { location: { file }, cause: error });
  }
}

/** The same as readInventoryTable, for bytes already in hand; fileName decides the format. */
export async function readInventoryTableFromBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions = {},
): Promise<InventoryTable> {
  const { rowCount: _rowCount, eachRow, titleRows, ...table } = await openInventoryTableFromBytes(fileName, bytes, options);
  const rows: TableRow[] = [];
  eachRow((row) => rows.push(row));
  return { ...table, rows, ...(titleRows === undefined ? {} : { titleRows }) };
}

/** A checked inventory table whose rows are read one at a time, on demand (a list of a million rows is never held whole). */
export interface InventoryTableReading extends Omit<InventoryTable, 'rows'> {
  /** The rows `eachRow` hands over. */
  rowCount: number;
  eachRow(visit: (row: TableRow) => void): void;
}

/**
 * readInventoryTableFromBytes without the rows in hand: every refusal of the file as a whole
 * comes from this call, before a row is handed over. A CSV is parsed again by each `eachRow`; an
 * XLSX keeps its raw rows.
 */
export async function openInventoryTableFromBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions = {},
): Promise<InventoryTableReading> {
  const file = basename(fileName);
  const format = formatForFile(file);
  checkSize(file, bytes.byteLength, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.byteLength === 0) throw new MonitorError('bestand is leeg', { location: { file } });
  if (format === 'csv') {
    const { encoding, delimiter, source } = openCsvGrid(file, bytes);
    return { file, format, encoding, delimiter, ...streamTable(file, source, csvFilePass(file, options.maxDataRows)) };
  }
  const { sheet, rows } = await readXlsxGrid(file, bytes, options.sheet, options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES, options.maxDataRows);
  return { file, format, sheet, ...streamTable(file, (visit) => rows.forEach((row) => visit(row))) };
}

/** What readCsvGrid refuses after parsing: an empty file, then the limits. */
function csvFilePass(file: string, maxDataRows: number | undefined): FilePass {
  const limits = gridLimits(file, maxDataRows);
  let empty = true;
  return {
    see(row) {
      empty = false;
      limits.see(row);
    },
    check() {
      if (empty) throw new MonitorError('bestand is leeg', { location: { file } });
      limits.check();
    },
  };
}

async function fileSize(path: string, file: string): Promise<number> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw new MonitorError('is geen bestand', { location: { file } });
    return stats.size;
  } catch (error) {
    if (error instanceof MonitorError) throw error;
    const code = errorCode(error);
    const message = code === 'ENOENT' ? 'bestand niet gevonden' : `bestand kan niet gelezen worden (${code ?? 'onbekende fout'})`;
    throw new MonitorError(message, { location: { file }, cause: error });
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function checkSize(file: string, size: number, maxBytes: number): void {
  if (size <= maxBytes) return;
  throw new MonitorError(`bestand is te groot (${formatBytes(size)}; de grens is ${formatBytes(maxBytes)})`, {
    location: { file },
  });
}
