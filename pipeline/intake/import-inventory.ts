/**
 * Import: one inventory file (CSV or XLSX) for one monitor year and source, read by the
 * inventory-list adapter (sources/adapters/inventory-list.ts) and stored as a list (intake.ts,
 * store-list.ts): every row validated and resolved to a current municipality, the whole file one
 * transaction that replaces an earlier import of the same source and year.
 */
import { basename, extname } from 'node:path';
import { inventoryListSnapshot } from '../../sources/adapters/inventory-list.ts';
import { LIST_ADAPTER } from '../../sources/adapters/registry.ts';
import { readInventoryFile } from '../../sources/inventory/read-table.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { takeIn } from './intake.ts';
import type { ImportSummary } from './store-list.ts';


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
  return takeIn(LIST_ADAPTER, snapshot, {
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
