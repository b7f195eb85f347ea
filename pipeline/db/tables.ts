/**
 * Every table's columns, declared once, in the order the migrations leave them: the appender
 * (`MonitorDatabase.append`) takes rows as objects and writes them in this order, and the read row
 * types are picked from these declarations. The DDL itself stays in the numbered migrations;
 * `test/pipeline/db/tables.test.ts` checks each declaration against the real columns (names,
 * order, types, NOT NULL) of a freshly migrated database, so the two cannot drift apart.
 * TIMESTAMP and JSON columns are written as text (ISO time, JSON) and read back cast to VARCHAR.
 */
import { z } from 'zod';
import { ClassifiedSize, LocationStatus } from '../../sources/schema.ts';

const text = z.string();
const number = z.number();
const optionalText = z.string().nullable();
const optionalNumber = z.number().nullable();

const importBatch = z.object({
  year: number,
  source: text,
  file_name: text,
  sha256: text,
  format: text,
  rows_read: number,
  rows_imported: number,
  rows_rejected: number,
  imported_at: text,
});

const inventoryRecord = z.object({
  year: number,
  source: text,
  row_number: number,
  name: text,
  organisation: optionalText,
  address: optionalText,
  postcode: optionalText,
  place: optionalText,
  municipality_as_written: optionalText,
  gm_code_as_written: optionalText,
  iza_region_as_written: optionalText,
  dagdelen_per_week: optionalNumber,
  visitors_per_week: optionalNumber,
  size_given: optionalText,
  status: text,
  website: optionalText,
  note: optionalText,
  extra: optionalText,
  gm_code: optionalText,
  municipality: optionalText,
  province: text,
  iza_region: optionalText,
  resolution_basis: text,
  resolution_note: optionalText,
});

const reject = z.object({
  year: number,
  source: text,
  file_name: text,
  row_number: optionalNumber,
  field: optionalText,
  reason: text,
});

export const TABLES = {
  meta: z.object({ key: text, value: text }),
  ref_municipality: z.object({ year: number, gm_code: text, name: text, province: text }),
  ref_population: z.object({ year: number, gm_code: text, name: text, population: number }),
  ref_lineage: z.object({ from_code: text, gm_code: text, share: number }),
  ref_iza_region: z.object({ gm_code: text, iza_region: text, confidence: text }),
  ref_region_province: z.object({ iza_region: text, province: text }),
  ref_epa_share: z.object({ year: number, level: text, area: text, epa_pct: number, source: text }),
  ref_pc4: z.object({ pc4: text, lat: number, lon: number, gm_code: text, woonplaats: text }),
  ref_centroid: z.object({ gm_code: text, lat: number, lon: number }),
  epa_municipality: z.object({ year: number, gm_code: text, epa_pct: number, name_as_written: text, file_name: text }),
  import_batch: importBatch,
  inventory_record: inventoryRecord,
  survey_answer: z.object({
    year: number,
    source: text,
    file_name: text,
    origin: text,
    location_id: optionalText,
    name: text,
    municipality: optionalText,
    characteristic: number,
    answer: text,
  }),
  reject,
  correction_file: z.object({ year: number, file_name: text, sha256: text, applied_at: text, changes: number }),
  correction: z.object({
    year: number,
    sha256: text,
    seq: number,
    kind: text,
    location_id: optionalText,
    field: optionalText,
    old_value: optionalText,
    new_value: optionalText,
    pair_id: optionalText,
    decision: optionalText,
    sheet: text,
    row_number: number,
  }),
  build_run: z.object({ year: number, method: text, population_year: number, epa_year: number, parameters: text, built_at: text }),
  location: z.object({
    year: number,
    location_id: text,
    name: text,
    organisation: optionalText,
    address: optionalText,
    postcode: optionalText,
    place: optionalText,
    gm_code: optionalText,
    municipality: optionalText,
    province: text,
    iza_region: optionalText,
    size_class: ClassifiedSize,
    size_basis: text,
    weight: number,
    status: LocationStatus,
    sources: text,
    flags: optionalText,
    note: optionalText,
    organisation_id: optionalText,
    website: optionalText,
    dagdelen_per_week: optionalNumber,
    visitors_per_week: optionalNumber,
    lat: optionalNumber,
    lon: optionalNumber,
    coordinate_precision: optionalText,
    opening_hours: optionalText,
  }),
  accessibility: z.object({
    year: number,
    gm_code: text,
    point_basis: text,
    points: number,
    nearest_location_id: optionalText,
    centre_km: optionalNumber,
    mean_km: optionalNumber,
    min_km: optionalNumber,
    max_km: optionalNumber,
  }),
  reach: z.object({ year: number, level: text, area: text, km: number, population: number, share: number }),
  white_spot: z.object({ year: number, rank: number, gm_code: text, within_km: number, partly_within_reach: z.boolean() }),
  location_member: z.object({ year: number, location_id: text, source: text, row_number: number, fingerprint: text, level: text }),
  organisation: z.object({ year: number, organisation_id: text, name: text, locations: number }),
  match_pair: z.object({
    year: number,
    stage: text,
    pair_id: text,
    item_a: text,
    item_b: text,
    fingerprint_a: text,
    fingerprint_b: text,
    location_a: optionalText,
    location_b: optionalText,
    name_a: text,
    name_b: text,
    place_a: optionalText,
    place_b: optionalText,
    score: number,
    rule: text,
    outcome: text,
  }),
  match_verdict: z.object({ fingerprint_a: text, fingerprint_b: text, verdict: text, decided_in: text, decided_at: text }),
  coverage: z.object({
    year: number,
    level: text,
    area: text,
    area_name: text,
    province: optionalText,
    iza_region: optionalText,
    municipalities: optionalNumber,
    population: optionalNumber,
    epa_pct: optionalNumber,
    epa_count: optionalNumber,
    epa_basis: optionalText,
    in_view: number,
    potential: number,
    weighted: number,
  }),
  coverage_target: z.object({ year: number, level: text, area: text, participation_pct: number, desired: number }),
  // Archive tables were created from the live ones (CREATE TABLE AS keeps no NOT NULL).
  import_archive: z.object({ archive_id: optionalNumber, reason: optionalText, archived_at: optionalText }).extend(nullableShape(importBatch)),
  inventory_record_archive: z.object({ archive_id: optionalNumber }).extend(nullableShape(inventoryRecord)),
  reject_archive: z.object({ archive_id: optionalNumber }).extend(nullableShape(reject)),
  import_event: z.object({
    year: number,
    source: text,
    action: text,
    file_name: text,
    rows_imported: number,
    archive_id: optionalNumber,
    happened_at: text,
  }),
} as const;

export type TableName = keyof typeof TABLES;
export type Table<T extends TableName> = (typeof TABLES)[T];
/** A row as read from table `T` (every column). */
export type TableRow<T extends TableName> = z.infer<Table<T>>;
/** A row to append to table `T`: every column named, an empty one as null or undefined. */
export type NewRow<T extends TableName> = { [K in keyof TableRow<T>]: TableRow<T>[K] | (null extends TableRow<T>[K] ? undefined : never) };

/** The columns of table `T` in the table's own order: the appender writes them so. */
export function columnsOf<T extends TableName>(table: T): (keyof TableRow<T> & string)[] {
  return Object.keys(TABLES[table].shape) as (keyof TableRow<T> & string)[];
}

type NullableShape<S> = { [K in keyof S]: S[K] extends z.ZodNullable<z.ZodType> ? S[K] : z.ZodNullable<Extract<S[K], z.ZodType>> };

function nullableShape<S extends Record<string, z.ZodType>>(object: z.ZodObject<S>): NullableShape<S> {
  const entries = Object.entries(object.shape) as [string, z.ZodType][];
  return Object.fromEntries(entries.map(([key, schema]) => [key, schema instanceof z.ZodNullable ? schema : schema.nullable()])) as NullableShape<S>;
}
