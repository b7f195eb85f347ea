/**
 * Lists of steunpunten that people send (regiocoördinatoren, organisations, the published
 * inventory of a year): a CSV or XLSX read in with `lsp-monitor import <bestand>` under a source
 * name of their choosing (`--source`, or the file name). Unlike the other file sources its id is
 * not the source name: every `--source` that names no other importable source is such a list.
 *
 * Each row → a usable row or the reasons it cannot be used:
 * - Only recognised fields are kept: the fields of InventoryRecord and the few columns kept under
 *   a fixed extra key (location_id, openingstijden, niveau; header-synonyms.ts). Every other
 *   column is named in `ignoredColumns` and never stored: it could hold personal data.
 * - A row far longer than any list's (a pasted document) is refused whole by the guard
 *   (../guard.ts) before its fields are read; each field passes the guard through the schema.
 * - An unparseable optional field never drops a steunpunt: the field is left empty and the row
 *   carries a signal with field and reason (extra `signalen`). Only a missing or unusable name
 *   rejects the row here; the pipeline rejects a row that resolves to no municipality or region.
 * - An approximate count ("ca. 40") reads as its number, with a signal.
 * - The monitor's own export (a file with a location_id column) is read back as written: the
 *   apostrophe its CSV and workbook put before a formula-looking text is taken off again.
 *
 * The snapshot records the size limits of the monitor's configuration as its settings, so parse
 * reads nothing but the snapshot.
 */
import { z } from 'zod';
import type { FileAdapterOfKind, InventoryListExtra, KindParseResult, Snapshot } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import { guardRow } from '../guard.ts';
import { extraKeyForHeader, FIELD_LABELS, isComputedHeader } from '../inventory/header-synonyms.ts';
import { openInventoryTableFromBytes, type InventoryTable, type InventoryTableReading, type TableRow } from '../inventory/read-table.ts';
import { type ExtraKey, type InventoryField, isPlainCount, type Reject } from '../schema.ts';
import { receivedFile, receivedFileSnapshot } from './file-import.ts';
import { InventoryListRow, LOCATION_FIELDS, type FieldNote } from './inventory-list-row.ts';
import { parseInventoryRecord } from './inventory-record-parse.ts';
import { restoreText } from '../safe-text.ts';
import { sourceError } from './source-io.ts';

const ID = 'inventory-list';
const VERSION = 1;

/** The limits a list is read with (the monitor's configuration), recorded in the snapshot. */
const ListSettings = z.object({
  maxBytes: z.number().int().positive().optional(),
  maxUnpackedBytes: z.number().int().positive().optional(),
  maxDataRows: z.number().int().positive().optional(),
});
export type ListSettings = z.infer<typeof ListSettings>;

/** The counts whose approximate forms are read as numbers. */
const COUNT_FIELDS = ['dagdelenPerWeek', 'visitorsPerWeek'] as const satisfies readonly InventoryField[];

type RowOutcome = { usable: InventoryListRow } | { rejects: Omit<Reject, 'source' | 'file'>[] };

export const inventoryList: FileAdapterOfKind<'inventory-list'> = {
  id: ID,
  kind: 'inventory-list',
  title: 'Toegestuurde lijst met steunpunten',
  origin: 'file',
  version: VERSION,
  recordSchema: InventoryListRow,

  async parse(snapshot) {
    const { eachRow, ...extra } = await openInventoryList(snapshot);
    const result: KindParseResult<'inventory-list'> = { records: [], rejects: [], ...extra };
    eachRow((outcome) => {
      if ('usable' in outcome) result.records.push({ record: outcome.usable, origin: outcome.origin });
      else result.rejects.push(...outcome.rejects);
    });
    return result;
  },
};

/** One row of a list: usable (with its origin in the snapshot), or the rejects that say why not. */
export type ListRowOutcome = { usable: InventoryListRow; origin: string } | { rejects: Reject[] };

/** A list whose rows are read one at a time, on demand: parse without holding the rows of a large list. */
export interface InventoryListReading extends InventoryListExtra {
  eachRow(visit: (outcome: ListRowOutcome) => void): void;
}

/**
 * The list of a snapshot, checked as a whole (every refusal of the file comes from this call)
 * and with its rows read by `eachRow`, each as parse reads it.
 */
export async function openInventoryList(snapshot: Snapshot): Promise<InventoryListReading> {
  const [file, ...more] = snapshot.files;
  const received = file === undefined ? undefined : receivedFile(file.url);
  if (file === undefined || received === undefined || more.length > 0) {
    throw sourceError(ID, `een lijst is precies één ingelezen bestand (gevonden: ${snapshot.files.length}); lees het bestand opnieuw in met 'lsp-monitor import <bestand>'`);
  }
  const { fileName, sheet } = received;
  const limits = ListSettings.parse(snapshot.settings ?? {});
  const table = await openInventoryTableFromBytes(fileName, file.bytes, { ...limits, ...(sheet === undefined ? {} : { sheet }) });
  if (table.rowCount === 0) {
    // An empty list would silently replace an earlier import of this source and year.
    throw new MonitorError('het bestand heeft alleen een kopregel en geen rijen met steunpunten; er is niets ingelezen', {
      location: { file: fileName },
    });
  }
  const layout = tableLayout(table);
  return {
    ...listExtra(fileName, table),
    eachRow(visit) {
      table.eachRow((row) => {
        const outcome = readRow(row, layout);
        if ('usable' in outcome) visit({ usable: outcome.usable, origin: `${file.name}#${row.row}` });
        else visit({ rejects: outcome.rejects.map((reject) => ({ source: ID, file: fileName, ...reject })) });
      });
    },
  };
}

/** A received list as the snapshot its parse reads. */
export function inventoryListSnapshot(path: string, bytes: Uint8Array, options: { importedAt: string; sheet?: string; limits: ListSettings }): Snapshot {
  return receivedFileSnapshot(inventoryList, path, bytes, {
    importedAt: options.importedAt,
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    settings: ListSettings.parse(options.limits),
  });
}

function listExtra(fileName: string, table: Omit<InventoryTableReading, 'eachRow'>): InventoryListExtra {
  const headers: InventoryListExtra['headers'] = {};
  for (const { field, header } of table.columns) if (field !== null && headers[field] === undefined) headers[field] = header;
  return {
    fileName,
    format: table.format,
    rowsRead: table.rowCount,
    titleRows: table.titleRows ?? [],
    headers,
    ignoredColumns: ignoredColumns(table),
  };
}

/** What every row of a table shares, worked out once per table: headers by field, fields by header, whether it is the monitor's own export. */
interface TableLayout {
  header: (field: InventoryField) => string;
  fieldOf: (header: string) => InventoryField | null | undefined;
  ownExport: boolean;
}

function tableLayout(table: Pick<InventoryTable, 'columns'>): TableLayout {
  const headers = new Map<InventoryField, string>();
  const fields = new Map<string, InventoryField | null>();
  for (const { field, header } of table.columns) {
    if (field !== null && !headers.has(field)) headers.set(field, header);
    if (!fields.has(header)) fields.set(header, field);
  }
  return {
    header: (field) => headers.get(field) ?? field,
    fieldOf: (header) => fields.get(header),
    ownExport: table.columns.some(({ field, header }) => field === null && extraKeyForHeader(header) === 'locatieId'),
  };
}

function readRow(row: TableRow, layout: TableLayout): RowOutcome {
  const { header, fieldOf, ownExport } = layout;
  // A row far longer than any list's (a pasted document) is refused whole, before its fields are read.
  // Without extra columns (most lists) the values themselves are measured, not a merged copy.
  const hasExtra = hasKeys(row.extra);
  const tooLong = guardRow(hasExtra ? { ...row.values, ...row.extra } : row.values);
  if (tooLong !== undefined) return { rejects: [{ row: row.row, field: null, reason: tooLong }] };
  // The row is read once and its table dropped after parse, so its values are taken over, not copied.
  const values: RecordInput = ownExport
    ? Object.fromEntries(Object.entries(row.values).map(([field, value]) => [field, restoreText(value)]))
    : row.values;
  const extra = hasExtra ? keptExtra(row) : {};
  const notes: FieldNote[] = [];
  const emptied: { field: InventoryField; reason: string }[] = [];
  const emptying = { row: row.row, values, notes, emptied, header };

  if (row.unreadable !== undefined) {
    const unreadableName = row.unreadable[header('name')];
    if (unreadableName !== undefined) return { rejects: [{ row: row.row, field: header('name'), reason: unreadableName }] };
    for (const [column, reason] of Object.entries(row.unreadable)) {
      const field = fieldOf(column);
      if (field !== null && field !== undefined && field !== 'name') leaveEmpty(emptying, field, reason);
    }
  }

  let parsed = parseInventoryRecord(recordInput(values, extra));
  // Each pass empties the optional fields zod refused; the name is required and rejects the row.
  for (let pass = 0; !parsed.success && pass < 3; pass += 1) {
    const issues = parsed.error.issues;
    if (issues.some((issue) => issue.path[0] === 'name')) break;
    for (const issue of issues) {
      const [first, key] = issue.path;
      if (first === 'extra') {
        delete extra[String(key) as ExtraKey];
        notes.push({ row: row.row, field: String(key), reason: `${String(key)} leeg gelaten: ${issue.message}` });
      } else leaveEmpty(emptying, String(first) as InventoryField, issue.message);
    }
    parsed = parseInventoryRecord(recordInput(values, extra));
  }
  if (!parsed.success) {
    return {
      rejects: parsed.error.issues.map((issue) => ({
        row: row.row,
        field: issue.path[0] === 'extra' ? String(issue.path[1]) : header(String(issue.path[0]) as InventoryField),
        reason: issue.message,
      })),
    };
  }
  let record = parsed.data;
  for (const field of COUNT_FIELDS) {
    const written = values[field];
    if (written !== undefined && record[field] !== undefined && !isPlainCount(written)) {
      notes.push({ row: row.row, field: header(field), reason: `${FIELD_LABELS[field]} '${written}' gelezen als ${record[field]}` });
    }
  }
  if (notes.length > 0) record = { ...record, extra: { ...record.extra, signalen: notes.map((note) => signal(note.reason)).join('; ') } };
  const cause = emptied.find(({ field }) => LOCATION_FIELDS.includes(field));
  return {
    usable: { row: row.row, record, notes, ...(cause === undefined ? {} : { emptiedLocation: { column: header(cause.field), reason: cause.reason } }) },
  };
}

/** What leaveEmpty changes in the row being read. */
interface Emptying {
  row: number;
  values: RecordInput;
  notes: FieldNote[];
  emptied: { field: InventoryField; reason: string }[];
  header: (field: InventoryField) => string;
}

/** An optional field that cannot be read is left empty, with a note that says why. */
function leaveEmpty({ row, values, notes, emptied, header }: Emptying, field: InventoryField, reason: string): void {
  delete values[field];
  emptied.push({ field, reason });
  notes.push({ row, field: header(field), reason: `${FIELD_LABELS[field]} leeg gelaten: ${reason}` });
}

function hasKeys(object: Readonly<Record<string, unknown>>): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

/**
 * The headers of the columns that are read but not stored: unknown columns (which may hold
 * personal data) and the columns the monitor computes itself.
 */
function ignoredColumns(table: Pick<InventoryTable, 'columns'>): string[] {
  return table.columns.filter(({ field, header }) => field === null && (extraKeyForHeader(header) === null || isComputedHeader(header))).map(({ header }) => header);
}

/** The recognised columns without a field of their own, under their extra key; the first column of a key wins. */
function keptExtra(row: TableRow): Partial<Record<ExtraKey, string>> {
  const kept: Partial<Record<ExtraKey, string>> = {};
  for (const [column, value] of Object.entries(row.extra)) {
    const key = extraKeyForHeader(column);
    if (key !== null && kept[key] === undefined) kept[key] = value;
  }
  return kept;
}

/** The row's values with its extra, as the record check reads them: the values are taken over, not copied (a name left out reads as one given empty). */
function recordInput(values: RecordInput, extra: Partial<Record<ExtraKey, string>>): RecordInput {
  values.extra = extra;
  return values;
}

type RecordInput = Partial<Record<InventoryField, string>> & { extra?: Partial<Record<ExtraKey, string>> };

/** A note as one signal of a list joined by '; '. */
function signal(reason: string): string {
  return reason.replace(/;\s*/g, ', ');
}
