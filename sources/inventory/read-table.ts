/**
 * Reads an inventory table (CSV or XLSX) into rows of raw text per field. Nothing is validated
 * here beyond the shape of the table; zod checks the values later.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MonitorError } from '../errors.ts';
import { buildTable } from './build-table.ts';
import { readCsvGrid } from './csv-grid.ts';
import { formatForFile } from './file-format.ts';
import type { InventoryTable } from './table.ts';
import { readXlsxGrid } from './xlsx-grid.ts';

export type { CsvDelimiter, CsvEncoding, InventoryTable, TableColumn, TableFormat, TableRow } from './table.ts';

export interface ReadTableOptions {
  /** XLSX only: the sheet to read (any case). Default: the first visible sheet. */
  sheet?: string;
  /** Default 50 MiB. */
  maxBytes?: number;
}

const MEBIBYTE = 1024 * 1024;
const DEFAULT_MAX_BYTES = 50 * MEBIBYTE;

export async function readInventoryTable(path: string, options: ReadTableOptions = {}): Promise<InventoryTable> {
  const file = basename(path);
  formatForFile(file); // an unknown format is reported before the file is touched
  const size = await fileSize(path, file);
  checkSize(file, size, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return readInventoryTableFromBytes(file, await readFile(path), options);
}

/** The same as readInventoryTable, for bytes already in hand; fileName decides the format. */
export async function readInventoryTableFromBytes(
  fileName: string,
  bytes: Uint8Array,
  options: ReadTableOptions = {},
): Promise<InventoryTable> {
  const file = basename(fileName);
  const format = formatForFile(file);
  checkSize(file, bytes.byteLength, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.byteLength === 0) throw new MonitorError('bestand is leeg', { location: { file } });
  if (format === 'csv') {
    const { encoding, delimiter, rows } = readCsvGrid(file, bytes);
    return { file, format, encoding, delimiter, ...buildTable(file, rows) };
  }
  const { sheet, rows } = await readXlsxGrid(file, bytes, options.sheet);
  return { file, format, sheet, ...buildTable(file, rows) };
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

/** "50 MiB", "60,5 MiB" or "120 bytes". */
function formatBytes(bytes: number): string {
  if (bytes < MEBIBYTE) return `${bytes} bytes`;
  return `${(bytes / MEBIBYTE).toFixed(1).replace(/\.0$/, '').replace('.', ',')} MiB`;
}
