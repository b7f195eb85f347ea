/**
 * Reading many rows of one table without a conversion and a zod check per value. The DuckDB client
 * turns a result into row objects value by value, and `MonitorDatabase.query` then checks each row
 * with zod: at a million records most of the report's read. Here DuckDB writes each row's values
 * into one text, which comes as its UTF-8 bytes, and each field is decoded from them. The rows are
 * streamed (`MonitorDatabase.stream`) as DuckDB's sort gives them: DuckDB holds them once, in the
 * sort, and JavaScript one chunk of packed texts at a time (the locations query alone at 300k
 * records: peak RSS 447 -> 236-247 MB against one result of packed batches, which DuckDB made
 * through a window, an aggregate and a materialised result, each holding every row). The row
 * schema is looked at once, when the reader is made: each field gets a decoder that checks its
 * value as the schema would (a text, a finite number, one of an enum's values, or null where the
 * schema allows it), so the rows are what `query` with the same schema gives.
 *
 * The text separates fields by U+001F and writes a missing value as U+001E. A value holding either
 * one would be read wrong, so such a result is read by the row query instead.
 */
import { z } from 'zod';
import type { MonitorDatabase, SqlValue } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { columnsOf, type TableName } from '../db/tables.ts';

const PACK = sql('read/packed-rows/pack.sql');

const MISSING = '\u001e';
const FIELD_END_BYTE = 0x1f;
const MISSING_BYTE = 0x1e;

/** A text column whose texts seldom repeat (ids, names) stops sharing them after this many with more distinct than repeated. */
const TRIAL = 2_000;

/** A row's text as its UTF-8 bytes: each field is decoded on its own, so no row keeps a slice of a larger text alive. */
const PackedRow = z.object({ unsafe: z.boolean(), packed: z.object({ bytes: z.instanceof(Uint8Array) }) });

type Decoder = (field: string, column: string) => unknown;

export interface PackedQueries {
  /**
   * The opening of the packed query, `WITH ordered AS (…)`: the rows to read, all columns of
   * `table`, with the keys of their order as `sort_1`, `sort_2`, … (each ascending, nulls last;
   * read/packed-rows/pack.sql follows).
   */
  ordered: string;
  /** The same rows in the same order, one result row per row: for a result the text cannot carry. */
  rows: string;
}

export interface PackedReader<S extends z.ZodObject> {
  read(database: MonitorDatabase, params: Readonly<Record<string, SqlValue>>): Promise<z.infer<S>[]>;
}

/** A reader of `schema`'s rows of `table` (each field a column of it) by the two queries in `queries`. */
export function packedReader<S extends z.ZodObject>(table: TableName, schema: S, queries: PackedQueries): PackedReader<S> {
  const keys = Object.keys(schema.shape);
  const columns: readonly string[] = columnsOf(table);
  const missing = keys.filter((key) => !columns.includes(key));
  if (missing.length > 0) throw new Error(`field(s) ${missing.join(', ')} are no column of ${table}`);
  const inTextOrder = columns.filter((column) => keys.includes(column));
  // Checked here, once: a field of a type this reader cannot check is refused when the reader is made.
  keys.forEach((key) => decoderOf(schema.shape[key] as z.ZodType, key));
  const at = keys.map((key) => inTextOrder.indexOf(key));
  const params = { columns: inTextOrder.join(' ') };
  const packedQuery = `${queries.ordered}\n${PACK}`;
  return {
    async read(database, given) {
      const rows: z.infer<S>[] = [];
      // Fresh per read: the texts a read shares are kept only as long as its rows.
      const decoders = keys.map((key) => decoderOf(schema.shape[key] as z.ZodType, key));
      const fields = new Array<string>(keys.length);
      const chunks = database.stream(PackedRow, packedQuery, { ...given, ...params });
      // The next chunk is asked for before this one is unpacked: DuckDB makes it on its threads meanwhile.
      let next = chunks.next();
      let unsafe = false;
      try {
        for (let step = await next; step.done !== true; step = await next) {
          next = chunks.next();
          unsafe = step.value.some((row) => row.unsafe);
          if (unsafe) break;
          for (const row of step.value) unpack(row.packed.bytes, keys, decoders, at, fields, rows);
        }
      } finally {
        // The stream ends, its last fetch settled, before the database is used again (or the error goes on).
        await next.catch(() => undefined);
        await chunks.return();
      }
      return unsafe ? database.query(schema, queries.rows, given) : rows;
    },
  };
}

function unpack(bytes: Uint8Array, keys: readonly string[], decoders: readonly Decoder[], at: readonly number[], fields: string[], rows: unknown[]): void {
  const perRow = keys.length;
  const row = rows.length;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  for (let index = 0; index < perRow; index += 1) {
    const end = text.indexOf(FIELD_END_BYTE, start);
    if (end < 0) throw new Error(`packed rows: row ${row} has ${index} fields of ${perRow}`);
    fields[index] = end === start + 1 && text[start] === MISSING_BYTE ? MISSING : text.toString('utf8', start, end);
    start = end + 1;
  }
  if (start !== text.length) throw new Error(`packed rows: row ${row} has ${text.length - start} bytes after its ${perRow} fields`);
  const values: Record<string, unknown> = {};
  for (let index = 0; index < perRow; index += 1) values[keys[index]!] = decoders[index]!(fields[at[index]!]!, keys[index]!);
  rows.push(values);
}

/** How a field of the schema is read from its text; a type this reader cannot check is refused here, once. */
function decoderOf(type: z.ZodType, column: string): Decoder {
  if (type instanceof z.ZodNullable) {
    const inner = decoderOf(type.unwrap() as z.ZodType, column);
    return (field, name) => (field === MISSING ? null : inner(field, name));
  }
  if (type._zod.def.checks?.length) throw new Error(`packed rows: ${column} has checks beyond its type`);
  if (type instanceof z.ZodString) return present(sharedText());
  if (type instanceof z.ZodNumber) return present(finite);
  if (type instanceof z.ZodEnum) {
    const allowed = new Map<string, unknown>(type.options.map((value) => [String(value), value]));
    return present((field, name) => {
      const value = allowed.get(field);
      if (value === undefined) throw new Error(`packed rows: ${name} '${field}' is not one of the schema's values`);
      return value;
    });
  }
  throw new Error(`packed rows: ${column} is of a type this reader does not read (${type._zod.def.type})`);
}

/**
 * One copy of a text that many rows repeat (province, municipality, sources, flags) instead of one
 * per row; a column whose texts are mostly distinct stops looking after a trial.
 */
function sharedText(): Decoder {
  const seen = new Map<string, string>();
  let lookups = 0;
  let sharing = true;
  return (field) => {
    if (!sharing) return field;
    lookups += 1;
    const known = seen.get(field);
    if (known !== undefined) return known;
    if (lookups >= TRIAL && seen.size * 2 > lookups) {
      sharing = false;
      seen.clear();
    } else seen.set(field, field);
    return field;
  };
}

function present(decode: Decoder): Decoder {
  return (field, name) => {
    if (field === MISSING) throw new Error(`packed rows: ${name} is missing`);
    return decode(field, name);
  };
}

function finite(field: string, name: string): number {
  const value = Number(field);
  if (!Number.isFinite(value) || field.trim() === '') throw new Error(`packed rows: ${name} '${field}' is not a number`);
  return value;
}
