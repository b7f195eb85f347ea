/**
 * Import: one inventory file (CSV or XLSX) for one monitor year and source. Every row is
 * validated and resolved to a current municipality; a row that cannot be used becomes a reject
 * with file, row, field and reason. The whole file goes in as one transaction and replaces an
 * earlier import of the same source and year, so importing twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { MonitorError } from '../../sources/errors.ts';
import { readInventoryFile, readInventoryTableFromBytes } from '../../sources/inventory/read-table.ts';
import type { Reject } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { currentBatch, dutchTime, yearBatches, type BatchInfo } from './import-ledger.ts';
import { replaceBatch, type AcceptedRecord } from './store-records.ts';
import { ignoredColumns, validateRow, type FieldNote } from './validate-row.ts';

export interface ImportOptions {
  path: string;
  year: number;
  /** Source name; defaults to the file name without extension. */
  source?: string;
  sheet?: string;
  /** Confirms replacing an earlier import with a file that has far fewer (or no) usable rows. */
  replace?: boolean;
}

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

/**
 * A replacement with fewer than this share of the rows it replaces is refused unless confirmed
 * (--replace): a list that shrinks by half is far more often a wrong or partial file than a
 * year in which half the steunpunten closed.
 */
export const SHRINK_REFUSAL_SHARE = 0.5;


export async function importInventory(
  database: MonitorDatabase,
  context: MonitorContext,
  options: ImportOptions,
): Promise<ImportSummary> {
  const file = basename(options.path);
  const source = options.source ?? sourceNameFromFile(file);
  const bytes = await readInventoryFile(options.path, context.config.maxInputBytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const table = await readInventoryTableFromBytes(file, bytes, {
    maxBytes: context.config.maxInputBytes,
    maxUnpackedBytes: context.config.maxUnpackedBytes,
    maxDataRows: context.config.maxInputRows,
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  });
  if (table.rows.length === 0) {
    // An empty list would silently replace an earlier import of this source and year.
    throw new MonitorError('het bestand heeft alleen een kopregel en geen rijen met steunpunten; er is niets ingelezen', {
      location: { file },
    });
  }

  const accepted: AcceptedRecord[] = [];
  const notes: FieldNote[] = [];
  const rejects: Reject[] = [];
  for (const row of table.rows) {
    const outcome = validateRow(row, table, context);
    if ('rejects' in outcome) rejects.push(...outcome.rejects.map((reject) => ({ source, file, ...reject })));
    else {
      accepted.push(outcome);
      notes.push(...outcome.notes);
    }
  }
  const previous = await currentBatch(database, options.year, source);
  const otherSources = previous ? [] : await yearBatches(database, options.year);
  const refusal = options.replace ? undefined : shrinkRefusal({ file, source, year: options.year, usable: accepted.length, rejects, previous });
  const rejectedRows = refusal
    ? new Set(rejects.map((reject) => reject.row)).size
    : await replaceBatch(database, context, {
        year: options.year, source, file, sha256, format: table.format, rowsRead: table.rows.length, accepted, rejects,
      });

  const skippedColumns = ignoredColumns(table);
  return {
    source,
    year: options.year,
    file,
    sha256,
    rowsRead: table.rows.length,
    imported: accepted.length,
    rejectedRows,
    rejects,
    skippedColumns,
    notes,
    titleRows: table.titleRows ?? [],
    ...(previous ? { replaced: previous } : {}),
    otherSources,
    ...(refusal ? { refusal } : {}),
  };
}

function shrinkRefusal(input: {
  file: string; source: string; year: number; usable: number; rejects: readonly Reject[]; previous: BatchInfo | undefined;
}): string | undefined {
  const { file, source, year, usable, previous } = input;
  const rejected = new Set(input.rejects.map((reject) => reject.row)).size;
  if (!previous || previous.rows_imported === 0) return usable === 0 ? `${file}: geen enkele rij is bruikbaar (${rejected} afgewezen); er is niets ingelezen` : undefined;
  const now = `de ${previous.rows_imported} rijen van bron ${source} voor ${year} (${previous.file_name}, ingelezen ${dutchTime(previous.imported_ms)})`;
  const unchanged = 'Er is niets veranderd.';
  if (usable === 0) {
    return (
      `${file}: geen enkele rij is bruikbaar (${rejected} afgewezen); deze import zou ${now} vervangen door niets. ${unchanged} ` +
      `Verbeter het bestand; moet de bron echt weg, gebruik dan 'lsp-monitor imports remove --year ${year} --source ${source}'`
    );
  }
  if (usable < previous.rows_imported * SHRINK_REFUSAL_SHARE) {
    return (
      `${file}: ${usable} bruikbare rijen (${rejected} afgewezen), minder dan de helft van ${now}; ` +
      `${previous.rows_imported - usable} rijen zouden verdwijnen. ${unchanged} Klopt dit toch, importeer dan opnieuw met --replace`
    );
  }
  return undefined;
}

export function sourceNameFromFile(file: string): string {
  const stem = basename(file, extname(file))
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return stem === '' ? 'bestand' : stem;
}
