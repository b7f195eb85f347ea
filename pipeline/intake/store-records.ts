/**
 * Storing inventory records, whatever brought them in (a file, a replayed snapshot, the Excel
 * overview): each record is resolved to a current municipality, and a batch of one source and
 * year replaces that source's earlier batch of the year in one transaction.
 */
import type { InventoryRecord, Reject } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase, RowValue } from '../db/database.ts';
import { ensureReferenceTables } from '../db/reference-tables.ts';
import { sql } from '../db/sql-file.ts';
import type { Resolution } from '../normalise/municipality-resolver.ts';
import { archiveBatch, currentBatch, recordImportEvent } from './import-ledger.ts';

/** What a batch replaces: the source's records, rejects and ledger line of the year. */
const DELETE_BATCH = [
  sql('intake/store-records/delete-records.sql'),
  sql('intake/store-records/delete-rejects.sql'),
  sql('intake/store-records/delete-batch.sql'),
];

export type KeptResolution = Exclude<Resolution, { kind: 'unresolved' }>;

export interface AcceptedRecord {
  row: number;
  record: InventoryRecord;
  resolution: KeptResolution;
}

export interface RecordBatch {
  year: number;
  source: string;
  file: string;
  sha256: string;
  format: string;
  rowsRead: number;
  accepted: readonly AcceptedRecord[];
  rejects: readonly Reject[];
}

export function resolveRecord(context: MonitorContext, record: InventoryRecord): Resolution {
  return context.resolver.resolve({
    ...(record.postcode === undefined ? {} : { postcode: record.postcode }),
    ...(record.gmCode === undefined ? {} : { gmCode: record.gmCode }),
    ...(record.municipality === undefined ? {} : { municipality: record.municipality }),
    ...(record.place === undefined ? {} : { place: record.place }),
    ...(record.izaRegion === undefined ? {} : { izaRegion: record.izaRegion }),
  });
}

/**
 * Replaces the source's batch of the year: all of it is stored, or nothing. An earlier batch
 * from a different file is archived (`lsp-monitor imports restore` brings it back); one with the
 * same content is simply read again.
 */
export async function replaceBatch(database: MonitorDatabase, context: MonitorContext, batch: RecordBatch): Promise<number> {
  const rejectedRows = new Set(batch.rejects.map((reject) => reject.row)).size;
  await ensureReferenceTables(database, context.reference, context.resolver, context.regions);
  await database.transaction(async () => {
    const previous = await currentBatch(database, batch.year, batch.source);
    const archiveId = previous && previous.sha256 !== batch.sha256 ? await archiveBatch(database, batch.year, batch.source, 'vervangen') : undefined;
    for (const statement of DELETE_BATCH) await database.run(statement, { year: batch.year, source: batch.source });
    await recordImportEvent(database, {
      year: batch.year, source: batch.source, action: previous ? 'vervangen' : 'ingelezen', file: batch.file, rows: batch.accepted.length,
      ...(archiveId === undefined ? {} : { archiveId }),
    });
    await database.insert('import_batch', [
      [batch.year, batch.source, batch.file, batch.sha256, batch.format, batch.rowsRead, batch.accepted.length, rejectedRows, new Date().toISOString()],
    ]);
    await database.insert('inventory_record', batch.accepted.map((accepted) => recordColumns(batch.year, batch.source, accepted)));
    await database.insert(
      'reject',
      batch.rejects.map((reject) => [batch.year, batch.source, reject.file, reject.row, reject.field, reject.reason]),
    );
  });
  return rejectedRows;
}

export function recordColumns(year: number, source: string, { row, record, resolution }: AcceptedRecord): RowValue[] {
  const resolved = resolution.kind === 'resolved' ? resolution : undefined;
  return [
    year, source, row, record.name, record.organisation, record.address, record.postcode, record.place,
    record.municipality, record.gmCode, record.izaRegion, record.dagdelenPerWeek, record.visitorsPerWeek, record.size,
    record.status, record.website, record.note,
    Object.keys(record.extra).length === 0 ? null : JSON.stringify(record.extra),
    resolved?.gmCode, resolved?.municipalityName, resolution.province, resolution.izaRegion,
    resolved?.basis ?? 'regio', resolved?.note ?? (resolution.kind === 'region-only' ? resolution.reason : undefined),
  ];
}
