/**
 * Sources that come in as files (CSV or XLSX from regiocoördinatoren or steunpunten), not from the
 * web (`origin: 'file'`): `lsp-monitor import <bestand> --source <id>` turns the file into a
 * snapshot with importFileSnapshot, and parse reads the file as received, with the same reader as
 * any inventory (sources/inventory/read-table.ts: CSV in any of its encodings and delimiters, or
 * the worksheet of an XLSX; header synonyms, duplicate and missing columns).
 *
 * A received file is stored under the url `file:<name>`, or `file:<name>#blad=<sheet>` when a
 * worksheet was chosen (names percent-encoded), so parse reads the same sheet every time.
 */
import { basename } from 'node:path';
import type { FileSourceAdapter, RawFile, Snapshot } from '../adapter.ts';
import { toRawFile } from '../archive/raw-file.ts';
import { normaliseHeader } from '../inventory/header-synonyms.ts';
import { formatForFile } from '../inventory/file-format.ts';
import { type InventoryTable, readInventoryTableFromBytes, type TableColumn } from '../inventory/read-table.ts';
import { namingSource, sourceError } from './source-io.ts';

const FILE_URL_PREFIX = 'file:';
const SHEET_FRAGMENT = '#blad=';
const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** What `lsp-monitor import` says to use for a file source. */
export function importHint(sourceId: string): string {
  return `lsp-monitor import <bestand> --source ${sourceId}`;
}

/** The url a received file is stored under. */
export function receivedFileUrl(fileName: string, sheet?: string): string {
  const name = `${FILE_URL_PREFIX}${encodeURIComponent(fileName)}`;
  return sheet === undefined ? name : `${name}${SHEET_FRAGMENT}${encodeURIComponent(sheet)}`;
}

/** The file name and sheet a received file's url stands for; undefined for any other url. */
export function receivedFile(url: string): { fileName: string; sheet?: string } | undefined {
  if (!url.startsWith(FILE_URL_PREFIX)) return undefined;
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? '' : url.slice(hash);
  if (fragment !== '' && !fragment.startsWith(SHEET_FRAGMENT)) return undefined;
  try {
    const fileName = decodeURIComponent(url.slice(FILE_URL_PREFIX.length, hash === -1 ? undefined : hash));
    if (fileName === '' || basename(fileName) !== fileName) return undefined;
    return fragment === '' ? { fileName } : { fileName, sheet: decodeURIComponent(fragment.slice(SHEET_FRAGMENT.length)) };
  } catch {
    return undefined; // malformed percent-encoding
  }
}

/** A received file as a snapshot of a file source: the file as received, nothing beside it. */
export async function importFileSnapshot(
  adapter: Pick<FileSourceAdapter, 'id' | 'version'>,
  path: string,
  bytes: Uint8Array,
  options: { importedAt: string; sheet?: string },
): Promise<Snapshot> {
  return namingSource(adapter.id, async () => receivedFileSnapshot(adapter, path, bytes, options));
}

/**
 * The snapshot of one received file, with the settings its parse is to read it with (limits), if
 * any. An unknown format is a MonitorError naming the file.
 */
export function receivedFileSnapshot(
  adapter: Pick<FileSourceAdapter, 'id' | 'version'>,
  path: string,
  bytes: Uint8Array,
  options: { importedAt: string; sheet?: string; settings?: Readonly<Record<string, unknown>> },
): Snapshot {
  const fileName = basename(path);
  const format = formatForFile(fileName);
  const sheet = format === 'xlsx' ? options.sheet : undefined;
  const file = toRawFile({ url: receivedFileUrl(fileName, sheet), status: 200, contentType: CONTENT_TYPES[format], bytes });
  return {
    source: adapter.id,
    adapterVersion: adapter.version,
    fetchedAt: options.importedAt,
    ...(options.settings === undefined ? {} : { settings: options.settings }),
    files: [file],
  };
}

export interface ImportedTable {
  /** The file as received: origins point into it. */
  file: RawFile;
  /** Its name as received, for messages and rejects. */
  fileName: string;
  table: InventoryTable;
}

/** Every received file of the snapshot, read as a table. */
export async function importedTables(sourceId: string, snapshot: Snapshot): Promise<ImportedTable[]> {
  if (snapshot.files.length === 0) throw sourceError(sourceId, 'de snapshot bevat geen bestanden');
  const tables: ImportedTable[] = [];
  for (const file of snapshot.files) {
    const received = receivedFile(file.url);
    if (received === undefined) {
      throw sourceError(
        sourceId,
        `${file.url} is geen ingelezen bestand (verwacht: '${FILE_URL_PREFIX}<naam>'); lees het bestand opnieuw in met '${importHint(sourceId)}'`,
      );
    }
    const { fileName, sheet } = received;
    const table = await namingSource(sourceId, () => readInventoryTableFromBytes(fileName, file.bytes, sheet === undefined ? {} : { sheet }));
    tables.push({ file, fileName, table });
  }
  return tables;
}

/** The header of the column that holds a field, for rejects ("naam", "Soort correctie"); the field itself when absent. */
export function headerFinder(table: Pick<InventoryTable, 'columns'>): (field: string) => string {
  return (field) => table.columns.find((column) => column.field === field)?.header ?? field;
}

/** The header of a column the inventory does not know (kept as extra) whose text is one of `names`, any case or punctuation. */
export function extraHeader(columns: readonly TableColumn[], names: readonly string[]): string | undefined {
  const wanted = new Set(names.map(normaliseHeader));
  return columns.find((column) => column.field === null && wanted.has(normaliseHeader(column.header)))?.header;
}
