/**
 * The key of inventory_record (year, source, row_number), checked before an import, a restored
 * import or the corrections' new locations commit. It was a PRIMARY KEY, whose ART index DuckDB
 * checked at COMMIT (seconds at a million records); migration 011 dropped it, and these checks keep
 * the guarantee.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';

const REPEATED_ROW = sql('intake/check-record-keys/repeated-row.sql');

const RepeatedRow = z.object({ row: z.number(), times: z.number() });

/**
 * Fails the import (inside its transaction, so nothing of it is stored) when the batch just
 * appended holds a row number twice. Every record of the source and year is that batch: the
 * earlier one is deleted or archived first.
 */
export async function checkRecordKeys(database: MonitorDatabase, year: number, source: string, file: string): Promise<void> {
  const repeated = await repeatedRecordKey(database, year, source);
  if (repeated === undefined) return;
  throw new MonitorError(`deze rij staat ${repeated.times} keer in het bestand; niets van dit bestand is opgeslagen`, {
    location: { file, row: repeated.row },
  });
}

/**
 * The same check for records that come from the database itself, not from a file just read (a
 * restored import, the corrections' new locations): a repeated key there means the stored records
 * do not agree, and `what` (inside its transaction) stores nothing.
 */
export async function checkStoredRecordKeys(database: MonitorDatabase, year: number, source: string, what: string): Promise<void> {
  const repeated = await repeatedRecordKey(database, year, source);
  if (repeated === undefined) return;
  throw new MonitorError(
    `${what}: bron '${source}' van ${year} zou rij ${repeated.row} ${repeated.times} keer hebben (de opgeslagen rijen kloppen niet); er is niets veranderd`,
  );
}

async function repeatedRecordKey(database: MonitorDatabase, year: number, source: string): Promise<z.infer<typeof RepeatedRow> | undefined> {
  const [repeated] = await database.query(RepeatedRow, REPEATED_ROW, { year, source });
  return repeated;
}
