/**
 * Corrections from regiocoördinatoren (and NVZH, ggz-coördinatoren): a steunpunt closed, not a
 * steunpunt after all, new, potential, or of another size. They arrive as CSV or XLSX files
 * (`origin: 'file'`, read in with `lsp-monitor import`; see file-import.ts).
 *
 * Columns: the inventory headers (naam, gemeente, plaats, IZA-regio, grootte, opmerking, …) plus
 * the two below, matched without case, spaces or punctuation. Other columns are not read or
 * stored (they may hold personal data); the import names them. A row longer than the guard allows
 * (sources/guard.ts) is refused with that reason.
 */
import type { FileAdapterOfKind, KindParseResult } from '../adapter.ts';
import { CORRECTION_KINDS, RegionalCorrection, type InventoryField } from '../schema.ts';
import { extraHeader, headerFinder, importedTables } from './file-import.ts';
import { readableRows } from './file-rows.ts';
import { sourceError } from './source-io.ts';

const ID = 'regional-corrections';

const KIND_HEADERS = ['soort', 'soort correctie', 'correctie', 'type correctie'];
const LOCATION_ID_HEADERS = ['locatie-id', 'locatie id', 'location id', 'id'];
/** The inventory fields a correction reads; every other column is named as ignored and not stored. */
const READ_FIELDS: ReadonlySet<InventoryField> = new Set(['name', 'municipality', 'place', 'izaRegion', 'size', 'note']);

export const regionalCorrections: FileAdapterOfKind<'regional-corrections'> = {
  id: ID,
  kind: 'regional-corrections',
  title: 'Correcties van regiocoördinatoren',
  origin: 'file',
  // 2: parse reads the received CSV/XLSX itself; version 1 snapshots held the worksheet rows as JSON beside it.
  version: 2,
  recordSchema: RegionalCorrection,

  async parse(snapshot) {
    const result: KindParseResult<'regional-corrections'> = { records: [], rejects: [], ignoredColumns: [] };
    for (const { file, fileName, table } of await importedTables(ID, snapshot)) {
      const kindHeader = extraHeader(table.columns, KIND_HEADERS);
      if (kindHeader === undefined) {
        const found = table.columns.map((column) => column.header).join(', ');
        throw sourceError(ID, `bestand ${fileName}: kolom 'soort' ontbreekt (${CORRECTION_KINDS.join(', ')}); gevonden kolommen: ${found}`);
      }
      const idHeader = extraHeader(table.columns, LOCATION_ID_HEADERS);
      const header = headerFinder(table);
      const headerOf: Record<string, string> = { kind: kindHeader, locationId: idHeader ?? 'locatie-id' };
      const readable = readableRows(ID, fileName, table, ({ header: name, field }) => (field === null ? name === kindHeader || name === idHeader : READ_FIELDS.has(field)));
      result.ignoredColumns.push(...readable.ignoredColumns);
      result.rejects.push(...readable.rejects);
      for (const { row, values, extra } of readable.rows) {
        const parsed = RegionalCorrection.safeParse({
          locationId: idHeader === undefined ? undefined : extra[idHeader],
          name: values.name,
          municipality: values.municipality,
          place: values.place,
          izaRegion: values.izaRegion,
          kind: extra[kindHeader],
          size: values.size,
          note: values.note,
        });
        if (parsed.success) {
          result.records.push({ record: parsed.data, origin: `${file.name}#${row}` });
          continue;
        }
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0]);
          result.rejects.push({ source: ID, file: fileName, row, field: headerOf[key] ?? header(key), reason: issue.message });
        }
      }
    }
    return result;
  },
};
