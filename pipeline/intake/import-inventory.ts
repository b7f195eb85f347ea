/**
 * Import: one inventory file (CSV or XLSX) for one monitor year and source, read by the
 * inventory-list adapter (sources/adapters/inventory-list.ts) and stored as a list
 * (store-list.ts): every row validated and resolved to a current municipality, the whole file one
 * transaction that replaces an earlier import of the same source and year.
 */
import { basename, extname } from 'node:path';
import { inventoryListSnapshot, openInventoryList } from '../../sources/adapters/inventory-list.ts';
import { readInventoryFile } from '../../sources/inventory/read-table.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { storeInventoryListReading, type ImportSummary } from './store-list.ts';


export interface ImportOptions {
  path: string;
  year: number;
  /** Source name; defaults to the file name without extension. */
  source?: string;
  sheet?: string;
  /** Confirms replacing an earlier import with a file that has far fewer (or no) usable rows. */
  replace?: boolean;
}

export async function importInventory(database: MonitorDatabase, context: MonitorContext, options: ImportOptions): Promise<ImportSummary> {
  const file = basename(options.path);
  const bytes = await readInventoryFile(options.path, context.config.maxInputBytes);
  const { maxInputBytes, maxUnpackedBytes, maxInputRows } = context.config;
  const snapshot = inventoryListSnapshot(options.path, bytes, {
    importedAt: new Date().toISOString(),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    limits: { maxBytes: maxInputBytes, maxUnpackedBytes, maxDataRows: maxInputRows },
  });
  // The list adapter's parse row by row (takeIn would hold every row): each row goes from the file to the database as it is read.
  return storeInventoryListReading(await openInventoryList(snapshot), {
    database,
    context,
    year: options.year,
    source: options.source ?? sourceNameFromFile(file),
    file,
    sha256: snapshot.files[0]?.sha256 ?? '',
    replace: options.replace === true,
  });
}

export function sourceNameFromFile(file: string): string {
  const stem = basename(file, extname(file))
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return stem === '' ? 'bestand' : stem;
}
