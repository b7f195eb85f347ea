/**
 * Stores an accepted corrections file as a source of its own: the file (name, sha256, time) and
 * every change with its old and new value. New locations become inventory records of the
 * source `correcties`; review decisions become verdicts every later build honours.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase, RowValue } from '../db/database.ts';
import { ensureReferenceTables } from '../db/reference-tables.ts';
import { recordColumns, resolveRecord } from '../stages/store-records.ts';
import type { Correction, NewLocation } from './types.ts';

export const CORRECTIONS_SOURCE = 'correcties';

export interface StoredCorrections {
  alreadyApplied: boolean;
  changes: number;
}

/** Whether this exact file (by sha256) was already taken in for the year. */
export async function alreadyApplied(database: MonitorDatabase, year: number, sha256: string): Promise<boolean> {
  const [existing] = await database.query(
    z.object({ n: z.number() }),
    'SELECT count(*)::INTEGER AS n FROM correction_file WHERE year = $1 AND sha256 = $2',
    [year, sha256],
  );
  return (existing?.n ?? 0) > 0;
}

export async function storeCorrections(
  database: MonitorDatabase,
  context: MonitorContext,
  file: { year: number; name: string; sha256: string },
  changes: readonly Correction[],
): Promise<StoredCorrections> {
  if (await alreadyApplied(database, file.year, file.sha256)) return { alreadyApplied: true, changes: 0 };
  await ensureReferenceTables(database, context.reference, context.resolver, context.regions);
  await database.transaction(async () => {
    await database.insert('correction_file', [[file.year, file.name, file.sha256, new Date().toISOString(), changes.length]]);
    await database.insert('correction', changes.map((change, seq) => correctionColumns(file, seq + 1, change)));
    await insertNewLocations(database, context, file, changes.filter((change): change is NewLocation => change.kind === 'new-location'));
    for (const change of changes) {
      if (change.kind !== 'review-decision') continue;
      await database.run(
        `INSERT OR REPLACE INTO match_verdict
           SELECT fingerprint_a, fingerprint_b, $3, $4, now() FROM match_pair WHERE year = $1 AND pair_id = $2 LIMIT 1`,
        [file.year, change.pairId, change.decision, file.name],
      );
    }
  });
  return { alreadyApplied: false, changes: changes.length };
}

function correctionColumns(file: { year: number; sha256: string }, seq: number, change: Correction): RowValue[] {
  const base = [file.year, file.sha256, seq, change.kind];
  const where = [change.sheet, change.row];
  switch (change.kind) {
    case 'change':
      return [...base, change.locationId, change.field, text(change.from), text(change.to), null, null, ...where];
    case 'new-location':
      return [...base, null, null, null, change.record.name, null, null, ...where];
    case 'review-decision':
      return [...base, null, null, null, null, change.pairId, change.decision, ...where];
  }
}

async function insertNewLocations(
  database: MonitorDatabase,
  context: MonitorContext,
  file: { year: number; name: string },
  locations: readonly NewLocation[],
): Promise<void> {
  const [last] = await database.query(
    z.object({ n: z.number().nullable() }),
    'SELECT max(row_number) AS n FROM inventory_record WHERE year = $1 AND source = $2',
    [file.year, CORRECTIONS_SOURCE],
  );
  let rowNumber = last?.n ?? 0;
  const rows: RowValue[][] = [];
  for (const { record, sheet, row } of locations) {
    const resolution = resolveRecord(context, record);
    if (resolution.kind === 'unresolved') {
      throw new MonitorError(resolution.reason, { location: { file: file.name, row, field: sheet } });
    }
    rowNumber += 1;
    rows.push(recordColumns(file.year, CORRECTIONS_SOURCE, {
      row: rowNumber,
      record: { ...record, extra: { ...record.extra, bestand: file.name } },
      resolution,
    }));
  }
  await database.insert('inventory_record', rows);
}

function text(value: string | number | null): string | null {
  return value === null ? null : String(value);
}
