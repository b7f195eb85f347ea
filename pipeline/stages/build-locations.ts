/**
 * Locations of a year from its imported records. Records with the same identity key (the same
 * organisation and name in the same municipality, or region when the municipality is unknown)
 * are one steunpunt listed twice and become one location carrying both sources.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LocationStatus, SizeClass } from '../../sources/schema.ts';
import type { MonitorConfig } from '../config/config.ts';
import type { MonitorDatabase, RowValue } from '../db/database.ts';
import { normaliseKey } from '../normalise/text-key.ts';
import { classifySize } from './classify-size.ts';

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().transform((value) => value ?? undefined);

const RecordRow = z.object({
  source: z.string(),
  row_number: z.number(),
  name: z.string(),
  organisation: optional(z.string()),
  address: optional(z.string()),
  postcode: optional(z.string()),
  place: optional(z.string()),
  gm_code: optional(z.string()),
  municipality: optional(z.string()),
  province: z.string(),
  iza_region: optional(z.string()),
  dagdelen_per_week: optional(z.number()),
  visitors_per_week: optional(z.number()),
  size_given: optional(SizeClass),
  status: LocationStatus,
  note: optional(z.string()),
});
type RecordRow = z.infer<typeof RecordRow>;

export async function buildLocations(database: MonitorDatabase, year: number, config: MonitorConfig): Promise<number> {
  const records = await database.query(
    RecordRow,
    `SELECT source, row_number, name, organisation, address, postcode, place, gm_code, municipality, province,
            iza_region, dagdelen_per_week, visitors_per_week, size_given, status, note
       FROM inventory_record WHERE year = $1 ORDER BY source, row_number`,
    [year],
  );
  const byIdentity = new Map<string, RecordRow[]>();
  for (const record of records) {
    const key = identityKey(record);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), record]);
  }
  return database.insert(
    'location',
    [...byIdentity].map(([key, group]) => locationColumns(year, key, group, config)),
  );
}

function identityKey(record: RecordRow): string {
  return [record.organisation ?? '', record.name, record.gm_code ?? `regio:${record.iza_region ?? ''}`]
    .map(normaliseKey)
    .join('|');
}

/** A stable id derived from the identity key: the same steunpunt gets the same id in every run. */
export function locationId(identity: string): string {
  return `LSP-${createHash('sha256').update(identity).digest('hex').slice(0, 10)}`;
}

function locationColumns(year: number, key: string, group: RecordRow[], config: MonitorConfig): RowValue[] {
  const first = group[0]!;
  const pick = <K extends keyof RecordRow>(field: K): RecordRow[K] =>
    group.find((record) => record[field] !== undefined)?.[field] ?? first[field];
  const size = classifySize(
    { size: pick('size_given'), visitorsPerWeek: pick('visitors_per_week'), dagdelenPerWeek: pick('dagdelen_per_week') },
    config,
  );
  const flags = [
    first.gm_code === undefined ? 'gemeente onbekend' : undefined,
    size.size === 'onbekend' ? 'grootte onbekend' : undefined,
  ].filter((flag) => flag !== undefined);
  const sources = [...new Set(group.map((record) => `${record.source}:${record.row_number}`))].join('; ');
  return [
    year,
    locationId(key),
    first.name,
    first.organisation,
    pick('address'),
    pick('postcode'),
    pick('place'),
    first.gm_code,
    first.municipality,
    first.province,
    first.iza_region,
    size.size,
    size.basis,
    size.weight,
    first.status,
    sources,
    flags.length === 0 ? undefined : flags.join('; '),
    pick('note'),
  ];
}
