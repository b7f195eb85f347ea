/**
 * An inventory list's rows (sources/adapters/inventory-list.ts) into the year's records: each row
 * resolved to a current municipality, a row that resolves nowhere a reject with file, row, field
 * and reason. The whole list goes in as one batch that replaces an earlier import of the same
 * source and year, so importing twice changes nothing; a list that would leave the source with no
 * or far fewer usable rows is refused unless confirmed (--replace).
 */
import type { KindParseResult } from '../../sources/adapter.ts';
import type { InventoryListReading } from '../../sources/adapters/inventory-list.ts';
import type { FieldNote } from '../../sources/adapters/inventory-list-row.ts';
import { LOCATION_FIELDS } from '../../sources/adapters/inventory-list-row.ts';
import type { InventoryField, Reject } from '../../sources/schema.ts';
import { yearBatches, type BatchInfo } from './import-ledger.ts';
import type { IntakeTarget } from './intake-target.ts';
import { replaceBatchGuarded } from './replacement-guard.ts';
import { resolveRecord, type AcceptedRecord } from './store-records.ts';

export interface ImportSummary {
  source: string;
  year: number;
  file: string;
  sha256: string;
  rowsRead: number;
  imported: number;
  rejectedRows: number;
  rejects: Reject[];
  /** Columns the import does not read (unknown, or computed by the monitor's own export): never stored. */
  skippedColumns: string[];
  /** Rows kept with a field left empty or read approximately ("ca. 40"), each with its reason. */
  notes: FieldNote[];
  /** File rows above the header (a title), skipped. */
  titleRows: number[];
  /** The earlier import of this source and year that this one replaced (or would have replaced). */
  replaced?: BatchInfo;
  /** The year's other sources when this source is new to the year: their records count next to these. */
  otherSources?: BatchInfo[];
  /** Why nothing was stored: the file would leave the source with no or far fewer usable rows. */
  refusal?: string;
}

export async function storeInventoryList(parsed: KindParseResult<'inventory-list'>, target: IntakeTarget): Promise<ImportSummary> {
  const { records, rejects, ...extra } = parsed;
  return storeInventoryListReading(
    {
      ...extra,
      eachRow(visit) {
        for (const { record, origin } of records) visit({ usable: record, origin });
        for (const reject of rejects) visit({ rejects: [reject] });
      },
    },
    target,
  );
}

/** storeInventoryList for a list read row by row: each row is resolved and appended as it is read. */
export async function storeInventoryListReading(reading: InventoryListReading, target: IntakeTarget): Promise<ImportSummary> {
  const { database, context, year, source, file, sha256 } = target;
  const header = (field: InventoryField) => reading.headers[field] ?? field;
  const notes: FieldNote[] = [];
  const produce = (add: (accepted: AcceptedRecord) => void): Reject[] => {
    const readRejects: Omit<Reject, 'source' | 'file'>[] = [];
    const unresolved: Omit<Reject, 'source' | 'file'>[] = [];
    reading.eachRow((outcome) => {
      if ('rejects' in outcome) {
        for (const { row, field, reason } of outcome.rejects) readRejects.push({ row, field, reason });
        return;
      }
      const { row, record, notes: rowNotes, emptiedLocation } = outcome.usable;
      const resolution = resolveRecord(context, record);
      if (resolution.kind !== 'unresolved') {
        add({ row, record, resolution });
        notes.push(...rowNotes);
        return;
      }
      // A location field that was left empty is why nothing resolves: say that, not "nothing given".
      const nothingLeft = LOCATION_FIELDS.every((field) => record[field] === undefined);
      unresolved.push(
        emptiedLocation !== undefined && nothingLeft
          ? { row, field: emptiedLocation.column, reason: emptiedLocation.reason }
          : { row, field: header(FIELD_OF_RESOLUTION[resolution.field]), reason: resolution.reason },
      );
    });
    // In row order, as the rows were read: a row has either reasons from reading or one from resolving.
    return [...readRejects, ...unresolved].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).map((reject) => ({ source, file, ...reject }));
  };

  // The year's other sources are told only when this source is new to the year (read before it goes in).
  const yearBefore = await yearBatches(database, year);
  const otherSources = yearBefore.some((batch) => batch.source === source) ? [] : yearBefore;
  const { imported, rejects, rejectedRows, previous, refusal } = await replaceBatchGuarded(
    target, { format: reading.format, rowsRead: reading.rowsRead, produce }, 'importeer dan opnieuw met --replace',
  );
  return {
    source,
    year,
    file,
    sha256,
    rowsRead: reading.rowsRead,
    imported,
    rejectedRows,
    rejects,
    skippedColumns: reading.ignoredColumns,
    notes,
    titleRows: reading.titleRows,
    ...(previous ? { replaced: previous } : {}),
    otherSources,
    ...(refusal ? { refusal } : {}),
  };
}

const FIELD_OF_RESOLUTION = {
  postcode: 'postcode',
  gemeentecode: 'gmCode',
  gemeente: 'municipality',
  plaats: 'place',
  iza_regio: 'izaRegion',
} as const satisfies Record<string, InventoryField>;
