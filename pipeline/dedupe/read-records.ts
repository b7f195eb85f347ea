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
 *
 * Which fields the text holds, and in what order, is not written down twice: the query takes the
 * columns `RecordRow` names and writes them in the table's column order, and JavaScript finds each
 * field's place in the same order, from the table's declaration (pipeline/db/tables.ts, checked
 * against the real table by its test).
 */
import { z } from 'zod';
import { LocationStatus, SizeClass } from '../../sources/schema.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { columnsOf } from '../db/tables.ts';
import { RecordRow } from './records.ts';

const YEAR_RECORDS = sql('dedupe/read-records/year-records.sql');
const YEAR_RECORD_BATCHES = sql('dedupe/read-records/year-record-batches.sql');
const YEAR_RECORDS_PACKED = sql('dedupe/read-records/year-records-packed.sql');

/** Records per packed text: about 8 MB of text per batch, far below a JavaScript string's limit. */
const PACKED_BATCH = 50_000;
const FIELD_END = '\u001f';
const MISSING = '\u001e';

type Field = keyof RecordRow;
/** RecordRow's fields in the order of the table's columns: the order the packed text holds them. */
const PACKED_FIELDS: readonly Field[] = packedFields();
const FIELDS_PER_RECORD = PACKED_FIELDS.length;
/** Where each field lies within a record's run of fields. */
const AT = Object.fromEntries(PACKED_FIELDS.map((field, index) => [field, index])) as Record<Field, number>;

const BatchStart = z.object({ source: z.string(), row_number: z.number(), unsafe: z.number() });
const PackedBatch = z.object({ rows: z.number(), packed: z.string() });
const STATUSES = new Map<string, RecordRow['status']>(LocationStatus.options.map((value) => [value, value]));
const SIZES = new Map<string, NonNullable<RecordRow['size_given']>>(SizeClass.options.map((value) => [value, value]));

function packedFields(): Field[] {
  const fields = Object.keys(RecordRow.shape) as Field[];
  const columns: readonly string[] = columnsOf('inventory_record');
  const missing = fields.filter((field) => !columns.includes(field));
  if (missing.length > 0) throw new Error(`RecordRow field(s) ${missing.join(', ')} are no column of inventory_record`);
  return columns.filter((column): column is Field => (fields as readonly string[]).includes(column));
}

/**
 * A year's records by position (ordered by source and row number). The packed store keeps only
 * each batch's text and where each record starts in it: a row object with its own texts is made
 * when asked for, so a million records are not held as a million objects through the build.
 */
export interface YearRecords {
  readonly count: number;
  row(index: number): RecordRow;
  /** One text field of a record, as `row(index)[field]` gives it, without making the whole row. */
  text(index: number, field: TextField): string | undefined;
}

/** The fields that hold free text (not a number, not one of a schema's values). */
export type TextField = Exclude<{ [K in Field]: RecordRow[K] extends string | undefined ? K : never }[Field], 'status' | 'size_given'>;

/**
 * Reads the year's records, hands each to `visit` in order (the texts many records repeat as one
 * copy: source, municipality, region), and returns them as a store to ask again later.
 */
export async function readYearStore(
  database: MonitorDatabase,
  year: number,
  visit: (row: RecordRow, index: number) => void,
  batch = PACKED_BATCH,
): Promise<YearRecords> {
  const columns = PACKED_FIELDS.join(' ');
  const starts = await database.query(BatchStart, YEAR_RECORD_BATCHES, { year, batch, columns });
  if (starts.some((start) => start.unsafe > 0)) {
    const rows = await readYearRecordsByRow(database, year);
    rows.forEach(visit);
    return { count: rows.length, row: (index) => rows[index]!, text: (index, field) => rows[index]![field] };
  }
  const store = new PackedRecords(batch);
  const shared = new Map<string, string>();
  const repeated = (field: string) => {
    if (field === MISSING) return undefined;
    const known = shared.get(field);
    if (known !== undefined) return known;
    shared.set(field, field);
    return field;
  };
  // One batch's text at a time: the result of one query is converted whole, all batches at once
  // were several hundred MB of DuckDB result and JavaScript text in flight at 100k records.
  for (const [index, from] of starts.entries()) {
    const to = starts[index + 1];
    const [packed] = await database.query(PackedBatch, YEAR_RECORDS_PACKED, {
      year,
      columns,
      from_source: from.source,
      from_row: from.row_number,
      to_source: to?.source ?? null,
      to_row: to?.row_number ?? null,
    });
    if (packed === undefined) throw new Error(`packed records: no batch ${index}`);
    const first = store.count;
    const text = packed.packed;
    const recordStarts = store.add(text, packed.rows);
    // Record by record, not one split of the whole batch: the split's million field texts lived
    // until the batch was done, so every scavenge moved them into the old space (at a million
    // records, seconds of garbage collection and hundreds of MB of heap after the read).
    const fields = new Array<string>(FIELDS_PER_RECORD);
    let start = 0;
    for (let record = 0; record < packed.rows; record += 1) {
      recordStarts[record] = start;
      for (let field = 0; field < FIELDS_PER_RECORD; field += 1) {
        const end = text.indexOf(FIELD_END, start);
        if (end < 0) throw new Error(`packed records: record ${record} of ${packed.rows} ends after ${field} of ${FIELDS_PER_RECORD} fields`);
        fields[field] = text.slice(start, end);
        start = end + 1;
      }
      visit(toRow(fields, 0, repeated), first + record);
    }
    if (start !== text.length) throw new Error(`packed records: text left after ${packed.rows} records of ${FIELDS_PER_RECORD} fields`);
    recordStarts[packed.rows] = start;
  }
  return store;
}

/** The year's records ordered by source and row number, as `RecordRow` describes them. */
export async function readYearRecords(database: MonitorDatabase, year: number, batch = PACKED_BATCH): Promise<RecordRow[]> {
  const rows: RecordRow[] = [];
  await readYearStore(database, year, (row) => rows.push(row), batch);
  return rows;
}

/** One value and one zod check per record: for a year whose values hold a separator. */
export async function readYearRecordsByRow(database: MonitorDatabase, year: number): Promise<RecordRow[]> {
  return database.query(RecordRow, YEAR_RECORDS, { year });
}

class PackedRecords implements YearRecords {
  private readonly texts: string[] = [];
  /** Per batch, where each record starts in its text, and where the text ends. */
  private readonly starts: Uint32Array[] = [];
  /** The record `text` asked of last: its batch text, bounds, and the ends of its first `found` fields. */
  private readonly last = { index: -1, packed: '', start: 0, end: 0, found: 0, ends: new Uint32Array(FIELDS_PER_RECORD) };
  count = 0;

  constructor(private readonly batch: number) {}

  /** A batch's text; its records' starts are filled in by the caller. */
  add(text: string, rows: number): Uint32Array {
    if (this.count % this.batch !== 0 || rows > this.batch) throw new Error(`packed records: a batch of ${rows} after ${this.count} records`);
    const starts = new Uint32Array(rows + 1);
    this.texts.push(text);
    this.starts.push(starts);
    this.count += rows;
    return starts;
  }

  row(index: number): RecordRow {
    const { packed, start, end } = this.place(index);
    // The record's text without its last separator: its fields, split as the read split them.
    const fields = packed.slice(start, end - 1).split(FIELD_END);
    checkFieldCount(fields.length, 1);
    return toRow(fields, 0, text);
  }

  text(index: number, field: TextField): string | undefined {
    if (index !== this.last.index) {
      const { packed, start, end } = this.place(index);
      Object.assign(this.last, { index, packed, start, end, found: 0 });
    }
    // Past the separators of the fields before it (`row` would split and drop them all), each
    // found once per record: the build asks several fields of one record in a row.
    const last = this.last;
    const at = AT[field];
    while (last.found <= at) {
      const separator = last.packed.indexOf(FIELD_END, last.found === 0 ? last.start : last.ends[last.found - 1]! + 1);
      if (separator < 0 || separator >= last.end) throw new Error(`packed records: record ${index} has no field ${field}`);
      last.ends[last.found] = separator;
      last.found += 1;
    }
    return text(last.packed.slice(at === 0 ? last.start : last.ends[at - 1]! + 1, last.ends[at]));
  }

  /** The batch text that holds record `index`, where the record starts, and where the next one does. */
  private place(index: number): { packed: string; start: number; end: number } {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new Error(`packed records: no record ${index}`);
    const batch = Math.floor(index / this.batch);
    const starts = this.starts[batch]!;
    const within = index - batch * this.batch;
    return { packed: this.texts[batch]!, start: starts[within]!, end: starts[within + 1]! };
  }
}

function checkFieldCount(fields: number, count: number): void {
  if (fields !== count * FIELDS_PER_RECORD) {
    throw new Error(`packed records: ${fields} fields for ${count} records of ${FIELDS_PER_RECORD}`);
  }
}

/**
 * The record whose fields begin at `at`; `repeated` gives a text many records share, for the
 * fields a MatchRecord keeps or keys by (the others are read once, and the lookup costs time).
 */
function toRow(fields: readonly string[], at: number, repeated: (field: string) => string | undefined): RecordRow {
  const size = fields[at + AT.size_given]!;
  return {
    source: repeated(fields[at + AT.source]!)!,
    row_number: wholeNumber(fields[at + AT.row_number]!),
    name: fields[at + AT.name]!,
    organisation: text(fields[at + AT.organisation]!),
    address: text(fields[at + AT.address]!),
    postcode: text(fields[at + AT.postcode]!),
    place: repeated(fields[at + AT.place]!),
    gm_code: repeated(fields[at + AT.gm_code]!),
    municipality: repeated(fields[at + AT.municipality]!),
    municipality_as_written: text(fields[at + AT.municipality_as_written]!),
    gm_code_as_written: text(fields[at + AT.gm_code_as_written]!),
    province: text(fields[at + AT.province]!)!,
    iza_region: repeated(fields[at + AT.iza_region]!),
    dagdelen_per_week: number(fields[at + AT.dagdelen_per_week]!),
    visitors_per_week: number(fields[at + AT.visitors_per_week]!),
    size_given: size === MISSING ? undefined : oneOf(SIZES, size, 'size_given'),
    status: oneOf(STATUSES, fields[at + AT.status]!, 'status'),
    website: text(fields[at + AT.website]!),
    note: text(fields[at + AT.note]!),
    extra: text(fields[at + AT.extra]!),
  };
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
