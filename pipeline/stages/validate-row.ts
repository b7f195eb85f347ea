/**
 * One row of an inventory table → a record to store, or the reasons it cannot be used.
 *
 * - Only recognised fields are stored: the fields of InventoryRecord and the few columns kept
 *   under a fixed extra key (location_id, openingstijden, niveau; header-synonyms.ts). Every other
 *   column is ignored and named in the import message (ignoredColumns): it could hold personal data.
 * - An unparseable optional field never drops a steunpunt: the field is left empty and the row
 *   carries a signal with field and reason (extra `signalen`, shown in the location's signalen).
 *   Only a missing or unusable name, or a location that resolves to no municipality or region,
 *   rejects the row.
 * - An approximate count ("ca. 40") reads as its number, with a signal.
 * - The monitor's own export (a file with a location_id column) is read back as written: the
 *   apostrophe its CSV and workbook put before a formula-looking text is taken off again.
 */
import { guardRow } from '../../sources/guard.ts';
import { extraKeyForHeader, FIELD_LABELS, isComputedHeader } from '../../sources/inventory/header-synonyms.ts';
import type { InventoryTable, TableRow } from '../../sources/inventory/read-table.ts';
import { type ExtraKey, type InventoryField, type InventoryInput, InventoryRecord, isPlainCount, type Reject } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import { restoreText } from '../workbook/safe-text.ts';
import { resolveRecord, type AcceptedRecord } from './store-records.ts';

/** What the import noticed about a row that it still counts. */
export interface FieldNote {
  row: number;
  /** The column as the file names it. */
  field: string;
  reason: string;
}

export type RowOutcome = (AcceptedRecord & { notes: FieldNote[] }) | { rejects: Omit<Reject, 'source' | 'file'>[] };

/** The counts whose approximate forms are read as numbers. */
const COUNT_FIELDS = ['dagdelenPerWeek', 'visitorsPerWeek'] as const satisfies readonly InventoryField[];

export function validateRow(row: TableRow, table: InventoryTable, context: MonitorContext): RowOutcome {
  // A row far longer than any list's (a pasted document) is refused whole, before its fields are read.
  const tooLong = guardRow({ ...row.values, ...row.extra });
  if (tooLong !== undefined) return { rejects: [{ row: row.row, field: null, reason: tooLong }] };
  const header = (field: InventoryField) => table.columns.find((column) => column.field === field)?.header ?? field;
  const ownExport = table.columns.some(({ field, header }) => field === null && extraKeyForHeader(header) === 'locatieId');
  const values: Partial<Record<InventoryField, string>> = ownExport
    ? Object.fromEntries(Object.entries(row.values).map(([field, value]) => [field, restoreText(value)]))
    : { ...row.values };
  const extra = keptExtra(row);
  const notes: FieldNote[] = [];
  const emptied: { field: InventoryField; reason: string }[] = [];
  const leaveEmpty = (field: InventoryField, reason: string) => {
    delete values[field];
    emptied.push({ field, reason });
    notes.push({ row: row.row, field: header(field), reason: `${FIELD_LABELS[field]} leeg gelaten: ${reason}` });
  };

  const unreadableName = row.unreadable?.[header('name')];
  if (unreadableName !== undefined) return { rejects: [{ row: row.row, field: header('name'), reason: unreadableName }] };
  for (const [column, reason] of Object.entries(row.unreadable ?? {})) {
    const field = table.columns.find((candidate) => candidate.header === column)?.field;
    if (field !== null && field !== undefined && field !== 'name') leaveEmpty(field, reason);
  }

  let parsed = InventoryRecord.safeParse(recordInput(values, extra));
  // Each pass empties the optional fields zod refused; the name is required and rejects the row.
  for (let pass = 0; !parsed.success && pass < 3; pass += 1) {
    const issues = parsed.error.issues;
    if (issues.some((issue) => issue.path[0] === 'name')) break;
    for (const issue of issues) {
      const [first, key] = issue.path;
      if (first === 'extra') {
        delete extra[String(key) as ExtraKey];
        notes.push({ row: row.row, field: String(key), reason: `${String(key)} leeg gelaten: ${issue.message}` });
      } else leaveEmpty(String(first) as InventoryField, issue.message);
    }
    parsed = InventoryRecord.safeParse(recordInput(values, extra));
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

  const resolution = resolveRecord(context, record);
  if (resolution.kind === 'unresolved') {
    // A location field that was left empty is why nothing resolves: say that, not "nothing given".
    const cause = emptied.find(({ field }) => LOCATION_FIELDS.has(field));
    const nothingLeft = [...LOCATION_FIELDS].every((field) => record[field] === undefined);
    if (cause !== undefined && nothingLeft) return { rejects: [{ row: row.row, field: header(cause.field), reason: cause.reason }] };
    return { rejects: [{ row: row.row, field: header(FIELD_OF_RESOLUTION[resolution.field]), reason: resolution.reason }] };
  }
  return { row: row.row, record, resolution, notes };
}

/**
 * The headers of the columns that are read but not stored: unknown columns (which may hold
 * personal data) and the columns the monitor computes itself.
 */
export function ignoredColumns(table: Pick<InventoryTable, 'columns'>): string[] {
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

function recordInput(values: Partial<Record<InventoryField, string>>, extra: Partial<Record<ExtraKey, string>>): InventoryInput {
  return { ...values, name: values.name, extra };
}

/** A note as one signal of a list joined by '; '. */
function signal(reason: string): string {
  return reason.replace(/;\s*/g, ', ');
}

const LOCATION_FIELDS: ReadonlySet<InventoryField> = new Set(['postcode', 'gmCode', 'municipality', 'place', 'izaRegion']);

const FIELD_OF_RESOLUTION = {
  postcode: 'postcode',
  gemeentecode: 'gmCode',
  gemeente: 'municipality',
  plaats: 'place',
  iza_regio: 'izaRegion',
} as const satisfies Record<string, InventoryField>;
