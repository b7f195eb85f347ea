/**
 * The changes in an edited overview workbook, read against the year's build as it is now: what
 * `lsp-monitor corrections` takes in, and what `run` takes in from a bundled workbook.
 */
import type { MonitorDatabase } from '../db/database.ts';
import { readMonitor } from '../read/read-monitor.ts';
import { reviewPairsOf } from '../workbook/extras.ts';
import { readCorrections } from './read-corrections.ts';

export async function workbookChanges(database: MonitorDatabase, year: number, file: string, bytes: Uint8Array) {
  const current = await readMonitor(database, year);
  return readCorrections(bytes, file, current, { reviewPairs: reviewPairsOf(current.review) });
}
