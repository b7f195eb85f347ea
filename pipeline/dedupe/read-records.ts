/**
 * Reading a year's imported records for the matcher. The DuckDB client converts a result value
 * by value (about 20 values a record, 20 million at a million records) and every row object was
 * then checked by zod: most of the time of the read. Here DuckDB writes each record into one text,
 * streamed in order, and JavaScript cuts it into fields, each checked against the schema's own
 * types. A batch of records is one query (each query filters the year by its range: fewer, larger
 * batches scan the year fewer times), and its texts are joined into one, which the store keeps.
 *
 * A value is followed by U+001F; a missing value is U+001E alone. A value that holds U+001F, or
 * begins with U+001E, would make its record one field longer, so a record that does not end after
 * its last field is found as it is read: it and the records after it are read row by row instead
 * (the slow reader, kept for exactly that). A U+001E inside a value is read as it is.
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

/** Records per batch query and joined text: about 20 MB of text, far below a JavaScript string's limit. */
const PACKED_BATCH = 125_000;
const FIELD_END = '\u001f';
const MISSING = '\u001e';
const MISSING_CODE = 0x1e;

type Field = keyof RecordRow;
/** RecordRow's fields in the order of the table's columns: the order the packed text holds them. */
const PACKED_FIELDS: readonly Field[] = packedFields();
const FIELDS_PER_RECORD = PACKED_FIELDS.length;
/** Where each field lies within a record's run of fields. */
const AT = Object.fromEntries(PACKED_FIELDS.map((field, index) => [field, index])) as Record<Field, number>;

const BatchStart = z.object({ source: z.string(), row_number: z.number() });
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
  const store = new PackedRecords(batch);
  const shared = new Map<string, string>();
  const repeated = (field: string) => {
    if (field === MISSING) return undefined;
    const known = shared.get(field);
    if (known !== undefined) return known;
    shared.set(field, field);
    return field;
  };
  const fields = new Array<string>(FIELDS_PER_RECORD);
  /** Joins `texts` into one, visits their records and keeps them; false at a record that holds a separator (it and the rest are not kept). */
  const take = (texts: readonly string[]): boolean => {
    const starts = new Uint32Array(texts.length + 1);
    for (const [record, text] of texts.entries()) starts[record + 1] = starts[record]! + text.length;
    // One text per batch, not one per record: a field's slice then keeps the batch alive, which the store keeps anyway.
    const packed = texts.join('');
    const first = store.count;
    for (let record = 0; record < texts.length; record += 1) {
      if (!cut(packed, starts[record]!, starts[record + 1]!, fields)) {
        store.add(packed, starts.subarray(0, record + 1));
        return false;
      }
      visit(toRow(fields, 0, repeated), first + record);
    }
    store.add(packed, starts);
    return true;
  };
  const columns = PACKED_FIELDS.join(' ');
  const starts = await database.query(BatchStart, YEAR_RECORD_BATCHES, { year, batch });
  let safe = true;
  for (const [index, from] of starts.entries()) {
    const to = starts[index + 1];
    const range = { from_source: from.source, from_row: from.row_number, to_source: to?.source ?? null, to_row: to?.row_number ?? null };
    const texts: string[] = [];
    for await (const chunk of database.streamTexts(YEAR_RECORDS_PACKED, { year, columns, ...range })) texts.push(...chunk);
    safe = take(texts);
    if (!safe) break;
  }
  if (safe) return store;
  const rest = (await readYearRecordsByRow(database, year)).slice(store.count);
  rest.forEach((row, index) => visit(row, store.count + index));
  return joined(store, rest);
}

/** The packed records followed by `rest`, read row by row. */
function joined(packed: YearRecords, rest: readonly RecordRow[]): YearRecords {
  const from = packed.count;
  const restAt = (index: number) => {
    const row = rest[index - from];
    if (!Number.isInteger(index) || row === undefined) throw new Error(`packed records: no record ${index}`);
    return row;
  };
  return {
    count: from + rest.length,
    row: (index) => (index < from ? packed.row(index) : restAt(index)),
    text: (index, field) => (index < from ? packed.text(index, field) : restAt(index)[field]),
  };
}

/**
 * Cuts the record from `start` to `end` of `packed` into `fields` (a missing value as MISSING);
 * false when its fields do not end exactly at `end`: one of its values held a separator.
 */
function cut(packed: string, start: number, end: number, fields: string[]): boolean {
  let at = start;
  for (let field = 0; field < FIELDS_PER_RECORD; field += 1) {
    if (at < end && packed.charCodeAt(at) === MISSING_CODE) {
      fields[field] = MISSING;
      at += 1;
      continue;
    }
    const stop = packed.indexOf(FIELD_END, at);
    if (stop < 0 || stop >= end) return false;
    fields[field] = packed.slice(at, stop);
    at = stop + 1;
  }
  return at === end;
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
  /** Per batch, where each record starts in its text, and where the last one ends. */
  private readonly starts: Uint32Array[] = [];
  /** The record `text` asked of last: its batch text, bounds, and where each of its first `found` fields' successor starts. */
  private readonly last = { index: -1, packed: '', start: 0, end: 0, found: 0, next: new Uint32Array(FIELDS_PER_RECORD) };
  /** `row`'s fields, cut again from the store. */
  private readonly fields = new Array<string>(FIELDS_PER_RECORD);
  count = 0;

  constructor(private readonly batch: number) {}

  /** A batch's text and where its records start (one more: where the last ends). */
  add(text: string, starts: Uint32Array): void {
    const rows = starts.length - 1;
    if (this.count % this.batch !== 0 || rows > this.batch) throw new Error(`packed records: a batch of ${rows} after ${this.count} records`);
    this.texts.push(text);
    this.starts.push(starts);
    this.count += rows;
  }

  row(index: number): RecordRow {
    const { packed, start, end } = this.place(index);
    if (!cut(packed, start, end, this.fields)) throw new Error(`packed records: record ${index} does not cut into ${FIELDS_PER_RECORD} fields`);
    return toRow(this.fields, 0, text);
  }

  text(index: number, field: TextField): string | undefined {
    if (index !== this.last.index) {
      const { packed, start, end } = this.place(index);
      Object.assign(this.last, { index, packed, start, end, found: 0 });
    }
    // Past the fields before it (`row` would cut and keep them all), each found once per record:
    // the build asks several fields of one record in a row.
    const last = this.last;
    const at = AT[field];
    while (last.found <= at) {
      const from = last.found === 0 ? last.start : last.next[last.found - 1]!;
      let next = from + 1;
      if (last.packed.charCodeAt(from) !== MISSING_CODE) {
        const separator = last.packed.indexOf(FIELD_END, from);
        if (separator < 0 || separator >= last.end) throw new Error(`packed records: record ${index} has no field ${field}`);
        next = separator + 1;
      }
      last.next[last.found] = next;
      last.found += 1;
    }
    const from = at === 0 ? last.start : last.next[at - 1]!;
    return last.packed.charCodeAt(from) === MISSING_CODE ? undefined : last.packed.slice(from, last.next[at]! - 1);
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
