/**
 * Reading a year's imported records for the matcher. The DuckDB client converts a result value
 * by value (about 20 values a record, 20 million at a million records) and every row object was
 * then checked by zod: most of the time of the read. Here DuckDB writes each batch of records
 * into one text, and JavaScript splits it: one value and one check per batch, then each field
 * checked against the schema's own types (measured at 100k records: about 5 s of CPU → 0.6 s).
 *
 * The text separates fields by U+001F and writes a missing value as U+001E. The import refuses
 * control characters, but a value holding either one would be read wrong, so such a year is read
 * row by row instead (the slow reader, kept for exactly that).
 */
import { z } from 'zod';
import { LocationStatus, SizeClass } from '../../sources/schema.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { RecordRow } from './records.ts';

const YEAR_RECORDS = sql('dedupe/read-records/year-records.sql');
const YEAR_RECORDS_PACKED = sql('dedupe/read-records/year-records-packed.sql');

/** Records per packed text: about 8 MB of text per batch, far below a JavaScript string's limit. */
export const PACKED_BATCH = 50_000;
const FIELDS_PER_RECORD = 20;
const FIELD_END = '\u001f';
const MISSING = '\u001e';

const PackedBatch = z.object({ batch: z.number(), rows: z.number(), unsafe: z.number(), packed: z.string() });
const STATUSES = new Map<string, RecordRow['status']>(LocationStatus.options.map((value) => [value, value]));
const SIZES = new Map<string, NonNullable<RecordRow['size_given']>>(SizeClass.options.map((value) => [value, value]));

/** The year's records ordered by source and row number, as `RecordRow` describes them. */
export async function readYearRecords(database: MonitorDatabase, year: number, batch = PACKED_BATCH): Promise<RecordRow[]> {
  const batches = await database.query(PackedBatch, YEAR_RECORDS_PACKED, { year, batch });
  if (batches.some((packed) => packed.unsafe > 0)) return readYearRecordsByRow(database, year);
  const rows: RecordRow[] = [];
  const shared = new Map<string, string>();
  for (const packed of batches) unpack(packed.packed, packed.rows, rows, shared);
  return rows;
}

/** One value and one zod check per record: for a year whose values hold a separator. */
export async function readYearRecordsByRow(database: MonitorDatabase, year: number): Promise<RecordRow[]> {
  return database.query(RecordRow, YEAR_RECORDS, { year });
}

/** `shared` gives one copy of the texts many records repeat (source, municipality, region). */
function unpack(packed: string, count: number, rows: RecordRow[], shared: Map<string, string>): void {
  const repeated = (field: string) => {
    if (field === MISSING) return undefined;
    const known = shared.get(field);
    if (known !== undefined) return known;
    shared.set(field, field);
    return field;
  };
  const fields = packed.split(FIELD_END);
  // Every field ends with the separator, so the split leaves one empty text after the last.
  if (fields.length !== count * FIELDS_PER_RECORD + 1) {
    throw new Error(`packed records: ${fields.length - 1} fields for ${count} records of ${FIELDS_PER_RECORD}`);
  }
  for (let at = 0; at < fields.length - 1; at += FIELDS_PER_RECORD) {
    rows.push({
      source: repeated(fields[at]!)!,
      row_number: wholeNumber(fields[at + 1]!),
      name: fields[at + 2]!,
      organisation: text(fields[at + 3]!),
      address: text(fields[at + 4]!),
      postcode: text(fields[at + 5]!),
      place: repeated(fields[at + 6]!),
      gm_code: repeated(fields[at + 7]!),
      municipality: repeated(fields[at + 8]!),
      municipality_as_written: repeated(fields[at + 9]!),
      gm_code_as_written: repeated(fields[at + 10]!),
      province: repeated(fields[at + 11]!)!,
      iza_region: repeated(fields[at + 12]!),
      dagdelen_per_week: number(fields[at + 13]!),
      visitors_per_week: number(fields[at + 14]!),
      size_given: fields[at + 15] === MISSING ? undefined : oneOf(SIZES, fields[at + 15]!, 'size_given'),
      status: oneOf(STATUSES, fields[at + 16]!, 'status'),
      website: text(fields[at + 17]!),
      note: text(fields[at + 18]!),
      extra: text(fields[at + 19]!),
    });
  }
}

function text(field: string): string | undefined {
  return field === MISSING ? undefined : field;
}

function number(field: string): number | undefined {
  if (field === MISSING) return undefined;
  const value = Number(field);
  if (Number.isNaN(value)) throw new Error(`packed records: '${field}' is not a number`);
  return value;
}

function wholeNumber(field: string): number {
  const value = Number(field);
  if (!Number.isInteger(value)) throw new Error(`packed records: row number '${field}' is not a whole number`);
  return value;
}

function oneOf<T>(allowed: ReadonlyMap<string, T>, field: string, column: string): T {
  const value = allowed.get(field);
  if (value === undefined) throw new Error(`packed records: ${column} '${field}' is not one of the schema's values`);
  return value;
}
