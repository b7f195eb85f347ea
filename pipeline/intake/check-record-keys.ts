/**
 * The key of inventory_record (year, source, row_number), checked before an import commits. It was
 * a PRIMARY KEY, whose ART index DuckDB checked at COMMIT (seconds at a million records);
 * migration 011 dropped it, and this check keeps the guarantee.
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
  const [repeated] = await database.query(RepeatedRow, REPEATED_ROW, { year, source });
  if (repeated === undefined) return;
  throw new MonitorError(`deze rij staat ${repeated.times} keer in het bestand; niets van dit bestand is opgeslagen`, {
    location: { file, row: repeated.row },
  });
}
