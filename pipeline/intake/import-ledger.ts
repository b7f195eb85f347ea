/**
 * The ledger of a year's inventory imports: what is in use per source, what was replaced or
 * removed (kept in the *_archive tables, never deleted), and every change as an `import_event`,
 * whose time tells the freshness check that a build of the year is older than its imports.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { checkStoredRecordKeys } from './check-record-keys.ts';

export const BatchInfo = z.object({
  source: z.string(),
  file_name: z.string(),
  sha256: z.string(),
  rows_read: z.number(),
  rows_imported: z.number(),
  rows_rejected: z.number(),
  imported_ms: z.number(),
});
export type BatchInfo = z.infer<typeof BatchInfo>;

export const ArchivedBatch = BatchInfo.extend({ archive_id: z.number(), reason: z.string(), archived_ms: z.number() });
export type ArchivedBatch = z.infer<typeof ArchivedBatch>;

export type ImportAction = 'ingelezen' | 'vervangen' | 'verwijderd' | 'teruggezet';

const YEAR_BATCHES = sql('intake/import-ledger/year-batches.sql');
const CURRENT_BATCH = sql('intake/import-ledger/current-batch.sql');
const ARCHIVED_BATCHES = sql('intake/import-ledger/archived-batches.sql');
const NEXT_ARCHIVE_ID = sql('intake/import-ledger/next-archive-id.sql');
const RECORD_EVENT = sql('intake/import-ledger/record-event.sql');
const SHARED_COLUMNS = sql('intake/import-ledger/shared-columns.sql');

/** The live tables of an import and the archive table each one moves into. */
const ARCHIVED_TABLES = [
  { live: 'import_batch', archive: 'import_archive' },
  { live: 'inventory_record', archive: 'inventory_record_archive' },
  { live: 'reject', archive: 'reject_archive' },
] as const;

export async function yearBatches(database: MonitorDatabase, year: number): Promise<BatchInfo[]> {
  return database.query(BatchInfo, YEAR_BATCHES, { year });
}

export async function currentBatch(database: MonitorDatabase, year: number, source: string): Promise<BatchInfo | undefined> {
  const [batch] = await database.query(BatchInfo, CURRENT_BATCH, { year, source });
  return batch;
}

export async function archivedBatches(database: MonitorDatabase, year: number): Promise<ArchivedBatch[]> {
  return database.query(ArchivedBatch, ARCHIVED_BATCHES, { year });
}

/**
 * Moves the source's import of the year (batch, records, rejects) into the archive tables under
 * a new archive id. Runs inside the caller's transaction.
 */
export async function archiveBatch(database: MonitorDatabase, year: number, source: string, reason: string): Promise<number> {
  const [next] = await database.query(z.object({ id: z.number() }), NEXT_ARCHIVE_ID);
  const archiveId = next!.id;
  for (const { live, archive } of ARCHIVED_TABLES) {
    const columns = (await sharedColumns(database, live, archive)).filter((column) => !['archive_id', 'reason', 'archived_at'].includes(column));
    const list = columns.map(quoted).join(', ');
    const extra = archive === 'import_archive' ? ', reason, archived_at' : '';
    const extraValues = archive === 'import_archive' ? ', $4, $5::TIMESTAMP' : '';
    await database.run(
      `INSERT INTO ${archive} (archive_id${extra}, ${list}) SELECT $3${extraValues}, ${list} FROM ${live} WHERE year = $1 AND source = $2`,
      archive === 'import_archive' ? [year, source, archiveId, reason, new Date().toISOString()] : [year, source, archiveId],
    );
    await database.run(`DELETE FROM ${live} WHERE year = $1 AND source = $2`, [year, source]);
  }
  return archiveId;
}

/** Puts an archived import back into the live tables and takes it out of the archive. */
async function unarchiveBatch(database: MonitorDatabase, archiveId: number): Promise<void> {
  for (const { live, archive } of ARCHIVED_TABLES) {
    const list = (await sharedColumns(database, live, archive)).map(quoted).join(', ');
    await database.run(`INSERT INTO ${live} (${list}) SELECT ${list} FROM ${archive} WHERE archive_id = $1`, [archiveId]);
    await database.run(`DELETE FROM ${archive} WHERE archive_id = $1`, [archiveId]);
  }
}

export async function recordImportEvent(
  database: MonitorDatabase,
  event: { year: number; source: string; action: ImportAction; file: string; rows: number; archiveId?: number },
): Promise<void> {
  await database.run(RECORD_EVENT, {
    year: event.year, source: event.source, action: event.action, file: event.file, rows: event.rows, archive_id: event.archiveId ?? null, at: new Date().toISOString(),
  });
}

/** Removes the source's import of the year into the archive; `restoreImport` brings it back. */
export async function removeImport(database: MonitorDatabase, year: number, source: string): Promise<BatchInfo> {
  return database.transaction(async () => {
    const batch = await currentBatch(database, year, source);
    if (!batch) throw noSuchImport(year, source, await yearBatches(database, year));
    const archiveId = await archiveBatch(database, year, source, 'verwijderd');
    await recordImportEvent(database, { year, source, action: 'verwijderd', file: batch.file_name, rows: batch.rows_imported, archiveId });
    return batch;
  });
}

export interface Restored {
  restored: ArchivedBatch;
  /** The import that was in use until now, archived in turn (so the restore can be undone too). */
  replaced?: BatchInfo;
}

/** Brings back the source's most recently removed or replaced import of the year. */
export async function restoreImport(database: MonitorDatabase, year: number, source: string): Promise<Restored> {
  return database.transaction(async () => {
    const restored = (await archivedBatches(database, year)).find((batch) => batch.source === source);
    if (!restored) {
      throw new MonitorError(
        `${year} heeft geen verwijderde of vervangen import van bron '${source}' om terug te zetten; 'lsp-monitor imports --year ${year}' toont wat er is`,
      );
    }
    const replaced = await currentBatch(database, year, source);
    if (replaced) await archiveBatch(database, year, source, 'vervangen');
    await unarchiveBatch(database, restored.archive_id);
    await checkStoredRecordKeys(database, year, source, `import van bron '${source}' voor ${year} niet teruggezet`);
    await recordImportEvent(database, { year, source, action: 'teruggezet', file: restored.file_name, rows: restored.rows_imported });
    return replaced ? { restored, replaced } : { restored };
  });
}

function noSuchImport(year: number, source: string, batches: readonly BatchInfo[]): MonitorError {
  const known = batches.length === 0 ? `${year} heeft geen imports` : `bronnen van ${year}: ${batches.map((batch) => batch.source).join(', ')}`;
  return new MonitorError(`${year} heeft geen import van bron '${source}' (${known}); 'lsp-monitor imports --year ${year}' toont ze`);
}

async function sharedColumns(database: MonitorDatabase, live: string, archive: string): Promise<string[]> {
  const rows = await database.query(z.object({ column_name: z.string(), table_name: z.string() }), SHARED_COLUMNS, { live, archive });
  const inArchive = new Set(rows.filter((row) => row.table_name === archive).map((row) => row.column_name));
  return rows.filter((row) => row.table_name === live && inArchive.has(row.column_name)).map((row) => row.column_name);
}

const quoted = (column: string) => `"${column}"`;

/** Time as a person in the Netherlands reads it: 05-12-2026 20:10. */
export function dutchTime(epochMs: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    })
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['day']}-${parts['month']}-${parts['year']} ${parts['hour']}:${parts['minute']}`;
}
