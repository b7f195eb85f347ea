/**
 * Files that come in for a source of their own (`lsp-monitor import <bestand> --source <id>`):
 * the file becomes that source's snapshot, and its adapter's kind says where the records go
 * (intake.ts).
 */
import type { KindedAdapter } from '../../sources/adapter.ts';
import { basename } from 'node:path';
import { importFileSnapshot } from '../../sources/adapters/file-import.ts';
import { SOURCE_ADAPTERS } from '../../sources/adapters/registry.ts';
import { readInventoryFile } from '../../sources/inventory/read-table.ts';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { isFileSource, takeIn } from './intake.ts';

export interface FileSourceImport {
  path: string;
  year: number;
  sheet?: string;
  /** Confirms replacing what the source holds for the year with a file that has far fewer (or no) usable rows. */
  replace?: boolean;
}

/** Whether `lsp-monitor import --source <id>` reads files of this source. */
export function importsFilesOf(adapterId: string): boolean {
  return SOURCE_ADAPTERS.some((adapter) => adapter.id === adapterId && isFileSource(adapter));
}

export async function importFileSource(
  database: MonitorDatabase,
  context: MonitorContext,
  adapter: KindedAdapter,
  options: FileSourceImport,
): Promise<string[]> {
  if (!isFileSource(adapter)) throw new MonitorError(`bron '${adapter.id}' kan (nog) niet met 'lsp-monitor import' worden ingelezen`, { exitCode: 2 });
  const bytes = await readInventoryFile(options.path, context.config.maxInputBytes);
  const snapshot = await importFileSnapshot(adapter, options.path, bytes, {
    importedAt: new Date().toISOString(),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  });
  const target = {
    database, context, year: options.year, source: adapter.id, file: basename(options.path), sha256: snapshot.files[0]?.sha256 ?? '', replace: options.replace === true,
  };
  return (await takeIn(adapter, snapshot, target)).lines;
}
