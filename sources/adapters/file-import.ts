/**
 * Sources that come in as files (CSV or XLSX from regiocoördinatoren or steunpunten), not from a
 * URL: their fetch refuses and points to `lsp-monitor import`, which turns the file into a
 * snapshot with importFileSnapshot.
 *
 * parse is synchronous (sources/adapter.ts), but a workbook can only be read asynchronously
 * (exceljs). So the import stores the XLSX as received plus, beside it, the worksheet's rows as
 * JSON (url "<file url>#rijen"), read with the project's own XLSX reader; parse builds the table
 * from those rows. A CSV is read directly. Either way the columns are recognised by the same code
 * as any inventory (sources/inventory/build-table.ts).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import type { RawFile, Snapshot, SourceAdapter } from '../adapter.ts';
import { type BuiltTable, buildTable } from '../inventory/build-table.ts';
import type { TableColumn } from '../inventory/table.ts';
import { readCsvGrid } from '../inventory/csv-grid.ts';
import { normaliseHeader } from '../inventory/header-synonyms.ts';
import { formatForFile } from '../inventory/file-format.ts';
import { readXlsxGrid } from '../inventory/xlsx-grid.ts';
import { toRawFile } from '../snapshots/raw-file.ts';
import { namingSource, namingSourceSync, SnapshotFiles, sourceError } from './source-io.ts';

const FILE_URL_PREFIX = 'file:';
const ROWS_SUFFIX = '#rijen';
const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const RowsRendering = z.object({
  sheet: z.string(),
  rows: z.array(z.object({ row: z.number().int().positive(), cells: z.array(z.string()) })),
});

/** The fetch of a file source: there is nothing to fetch. */
export function refuseFetch(sourceId: string): Promise<never> {
  return Promise.reject(
    sourceError(
      sourceId,
      `deze bron wordt niet opgehaald maar komt binnen als bestand (CSV of XLSX); lees het in met 'lsp-monitor import <bestand> --source ${sourceId}'`,
    ),
  );
}

/** A received file as a snapshot of a file source (see the module comment for the XLSX rows beside it). */
export async function importFileSnapshot(
  adapter: Pick<SourceAdapter, 'id' | 'version'>,
  path: string,
  bytes: Uint8Array,
  options: { importedAt: string; sheet?: string },
): Promise<Snapshot> {
  const fileName = basename(path);
  return namingSource(adapter.id, async () => {
    const format = formatForFile(fileName);
    const original = toRawFile({ url: `${FILE_URL_PREFIX}${fileName}`, status: 200, contentType: CONTENT_TYPES[format], bytes });
    const files: RawFile[] = [original];
    if (format === 'xlsx') {
      const rendering = JSON.stringify(await readXlsxGrid(fileName, bytes, options.sheet));
      files.push(toRawFile({ url: `${original.url}${ROWS_SUFFIX}`, status: 200, contentType: 'application/json', bytes: new TextEncoder().encode(rendering) }));
    }
    return { source: adapter.id, adapterVersion: adapter.version, fetchedAt: options.importedAt, files };
  });
}

export interface ImportedTable {
  /** The file as received: origins point into it. */
  file: RawFile;
  /** Its name as received, for messages and rejects. */
  fileName: string;
  table: BuiltTable;
}

export function importedTables(sourceId: string, snapshot: Snapshot): ImportedTable[] {
  const files = new SnapshotFiles(sourceId, snapshot);
  const received = snapshot.files.filter((file) => file.url.startsWith(FILE_URL_PREFIX) && !file.url.endsWith(ROWS_SUFFIX));
  if (received.length === 0) throw sourceError(sourceId, `de snapshot bevat geen ingelezen bestand (verwacht: een url die begint met '${FILE_URL_PREFIX}')`);
  return received.map((file) =>
    namingSourceSync(sourceId, () => {
      const fileName = file.url.slice(FILE_URL_PREFIX.length);
      const rows =
        formatForFile(fileName) === 'csv'
          ? readCsvGrid(fileName, file.bytes).rows
          : files.json(`${file.url}${ROWS_SUFFIX}`, RowsRendering).data.rows;
      return { file, fileName, table: buildTable(fileName, rows) };
    }),
  );
}

/** The header of the column that holds a field, for rejects ("naam", "Soort correctie"); the field itself when absent. */
export function headerFinder(table: BuiltTable): (field: string) => string {
  return (field) => table.columns.find((column) => column.field === field)?.header ?? field;
}

/** The header of a column the inventory does not know (kept as extra) whose text is one of `names`, any case or punctuation. */
export function extraHeader(columns: readonly TableColumn[], names: readonly string[]): string | undefined {
  const wanted = new Set(names.map(normaliseHeader));
  return columns.find((column) => column.field === null && wanted.has(normaliseHeader(column.header)))?.header;
}
