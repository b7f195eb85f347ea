/**
 * Stores an accepted corrections file as a source of its own: the file (name, sha256, time) and
 * every change with its old and new value. New locations become inventory records of the
 * source `correcties`; review decisions become verdicts every later build honours.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import type { NewRow } from '../db/tables.ts';
import { ensureReferenceTables } from '../db/reference-tables.ts';
import { checkStoredRecordKeys } from '../intake/check-record-keys.ts';
import { inventoryRecordRow, resolveRecord } from '../intake/store-records.ts';
import type { Correction, NewLocation } from './types.ts';

export const CORRECTIONS_SOURCE = 'correcties';

const APPLIED_FILE_COUNT = sql('corrections/store/applied-file-count.sql');
const RECORD_REVIEW_VERDICT = sql('corrections/store/record-review-verdict.sql');
const LAST_RECORD_ROW = sql('corrections/store/last-record-row.sql');

export interface StoredCorrections {
  alreadyApplied: boolean;
  changes: number;
}

/** Whether this exact file (by sha256) was already taken in for the year. */
export async function alreadyApplied(database: MonitorDatabase, year: number, sha256: string): Promise<boolean> {
  const [existing] = await database.query(z.object({ n: z.number() }), APPLIED_FILE_COUNT, { year, sha256 });
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
    await database.append('correction_file', [
      { year: file.year, file_name: file.name, sha256: file.sha256, applied_at: new Date().toISOString(), changes: changes.length },
    ]);
    await database.append('correction', changes.map((change, seq) => correctionRow(file, seq + 1, change)));
    await insertNewLocations(database, context, file, changes.filter((change): change is NewLocation => change.kind === 'new-location'));
    for (const change of changes) {
      if (change.kind !== 'review-decision') continue;
      await database.run(RECORD_REVIEW_VERDICT, { year: file.year, pair_id: change.pairId, decision: change.decision, file_name: file.name });
    }
  });
  return { alreadyApplied: false, changes: changes.length };
}

function correctionRow(file: { year: number; sha256: string }, seq: number, change: Correction): NewRow<'correction'> {
  const row = {
    year: file.year,
    sha256: file.sha256,
    seq,
    kind: change.kind,
    location_id: null,
    field: null,
    old_value: null,
    new_value: null,
    pair_id: null,
    decision: null,
    sheet: change.sheet,
    row_number: change.row,
  };
  switch (change.kind) {
    case 'change':
      return { ...row, location_id: change.locationId, field: change.field, old_value: text(change.from), new_value: text(change.to) };
    case 'new-location':
      return { ...row, new_value: change.record.name };
    case 'review-decision':
      return { ...row, pair_id: change.pairId, decision: change.decision };
  }
}

async function insertNewLocations(
  database: MonitorDatabase,
  context: MonitorContext,
  file: { year: number; name: string },
  locations: readonly NewLocation[],
): Promise<void> {
  const [last] = await database.query(z.object({ n: z.number().nullable() }), LAST_RECORD_ROW, { year: file.year, source: CORRECTIONS_SOURCE });
  let rowNumber = last?.n ?? 0;
  const rows: NewRow<'inventory_record'>[] = [];
  for (const { record, sheet, row } of locations) {
    const resolution = resolveRecord(context, record);
    if (resolution.kind === 'unresolved') {
      throw new MonitorError(resolution.reason, { location: { file: file.name, row, field: sheet } });
    }
    rowNumber += 1;
    rows.push(inventoryRecordRow(file.year, CORRECTIONS_SOURCE, {
      row: rowNumber,
      record: { ...record, extra: { ...record.extra, bestand: file.name } },
      resolution,
    }));
  }
  await database.append('inventory_record', rows);
  if (rows.length > 0) await checkStoredRecordKeys(database, file.year, CORRECTIONS_SOURCE, `${file.name} niet overgenomen`);
}

function text(value: string | number | null): string | null {
  return value === null ? null : String(value);
}
