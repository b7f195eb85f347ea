/**
 * Storing inventory records, whatever brought them in (a file, a replayed snapshot, the Excel
 * overview): each record is resolved to a current municipality, and a batch of one source and
 * year replaces that source's earlier batch of the year in one transaction.
 */
import type { InventoryRecord, Reject } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { ensureReferenceTables } from '../db/reference-tables.ts';
import { sql } from '../db/sql-file.ts';
import type { NewRow } from '../db/tables.ts';
import type { Resolution } from '../normalise/municipality-resolver.ts';
import { checkRecordKeys } from './check-record-keys.ts';
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
  /**
   * Reads the batch: hands each accepted record to `add`, which appends it at once (a list of a
   * million rows is never held whole), and gives back the rejects, in row order.
   */
  produce(add: (accepted: AcceptedRecord) => void): Reject[];
  /** Why the batch is not to be stored after all (the replacement guard), asked when every row is read. */
  refusal?(usable: number, rejectedRows: number): string | undefined;
}

export interface StoredBatch {
  imported: number;
  rejects: Reject[];
  /** Rows with at least one reject. */
  rejectedRows: number;
  /** Set when nothing was stored. */
  refusal?: string;
}

export function resolveRecord(context: MonitorContext, record: InventoryRecord): Resolution {
  // One object, not five spread ones: this runs once per row (a million at the benchmark's largest).
  const { postcode, gmCode, municipality, place, izaRegion } = record;
  return context.resolver.resolve({ postcode, gmCode, municipality, place, izaRegion });
}

/**
 * Replaces the source's batch of the year: all of it is stored, or nothing. An earlier batch
 * from a different file is archived (`lsp-monitor imports restore` brings it back); one with the
 * same content is simply read again. The records go in as they are read, inside the transaction,
 * so a batch that is refused once read (or a read that fails) is rolled back with everything else.
 * Called inside no other transaction: a nested one joins the outer, which a refusal does not roll back.
 */
export async function replaceBatch(database: MonitorDatabase, context: MonitorContext, batch: RecordBatch): Promise<StoredBatch> {
  try {
    return await database.transaction(async () => {
      // Inside the transaction, so that a refused batch leaves the reference tables as they were too.
      await ensureReferenceTables(database, context.reference, context.resolver, context.regions);
      const previous = await currentBatch(database, batch.year, batch.source);
      const archiveId = previous && previous.sha256 !== batch.sha256 ? await archiveBatch(database, batch.year, batch.source, 'vervangen') : undefined;
      // Archiving moves the live rows out already; only a batch read again (or none) is deleted here.
      if (archiveId === undefined) for (const statement of DELETE_BATCH) await database.run(statement, { year: batch.year, source: batch.source });
      let imported = 0;
      const rejects = await database.appendEach('inventory_record', (append) =>
        batch.produce((accepted) => {
          append(inventoryRecordRow(batch.year, batch.source, accepted));
          imported += 1;
        }),
      );
      await checkRecordKeys(database, batch.year, batch.source, batch.file);
      const rejectedRows = new Set(rejects.map((reject) => reject.row)).size;
      const refusal = batch.refusal?.(imported, rejectedRows);
      if (refusal !== undefined) throw new RefusedBatch({ imported, rejects, rejectedRows, refusal });
      await recordImportEvent(database, {
        year: batch.year, source: batch.source, action: previous ? 'vervangen' : 'ingelezen', file: batch.file, rows: imported,
        ...(archiveId === undefined ? {} : { archiveId }),
      });
      await database.append('import_batch', [
        {
          year: batch.year, source: batch.source, file_name: batch.file, sha256: batch.sha256, format: batch.format,
          rows_read: batch.rowsRead, rows_imported: imported, rows_rejected: rejectedRows, imported_at: new Date().toISOString(),
        },
      ]);
      await database.append(
        'reject',
        rejects.map((reject) => ({ year: batch.year, source: batch.source, file_name: reject.file, row_number: reject.row, field: reject.field, reason: reject.reason })),
      );
      return { imported, rejects, rejectedRows };
    });
  } catch (error) {
    if (error instanceof RefusedBatch) return error.stored;
    throw error;
  }
}

/** Thrown inside the transaction to roll back a batch refused once read. */
class RefusedBatch extends Error {
  constructor(readonly stored: StoredBatch) {
    super(stored.refusal);
  }
}

export function inventoryRecordRow(year: number, source: string, { row, record, resolution }: AcceptedRecord): NewRow<'inventory_record'> {
  const resolved = resolution.kind === 'resolved' ? resolution : undefined;
  return {
    year,
    source,
    row_number: row,
    name: record.name,
    organisation: record.organisation,
    address: record.address,
    postcode: record.postcode,
    place: record.place,
    municipality_as_written: record.municipality,
    gm_code_as_written: record.gmCode,
    iza_region_as_written: record.izaRegion,
    dagdelen_per_week: record.dagdelenPerWeek,
    visitors_per_week: record.visitorsPerWeek,
    size_given: record.size,
    status: record.status,
    website: record.website,
    note: record.note,
    extra: Object.keys(record.extra).length === 0 ? null : JSON.stringify(record.extra),
    gm_code: resolved?.gmCode,
    municipality: resolved?.municipalityName,
    province: resolution.province,
    iza_region: resolution.izaRegion,
    resolution_basis: resolved?.basis ?? 'regio',
    resolution_note: resolved?.note ?? (resolution.kind === 'region-only' ? resolution.reason : undefined),
  };
}
