/** The imported records of a year, as the matcher sees them. */
import { z } from 'zod';
import { type ExtraKey, LocationStatus, SizeClass } from '../../sources/schema.ts';
import { normaliseKey } from '../normalise/text-key.ts';
import type { MatchRecord } from './compare.ts';
import { matchKeys } from './match-key.ts';

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().transform((value) => value ?? undefined);

export const RecordRow = z.object({
  source: z.string(),
  row_number: z.number(),
  name: z.string(),
  organisation: optional(z.string()),
  address: optional(z.string()),
  postcode: optional(z.string()),
  place: optional(z.string()),
  gm_code: optional(z.string()),
  municipality: optional(z.string()),
  /** As the list wrote them: a place outside the written municipality is a signal (build-locations). */
  municipality_as_written: optional(z.string()),
  gm_code_as_written: optional(z.string()),
  province: z.string(),
  iza_region: optional(z.string()),
  dagdelen_per_week: optional(z.number()),
  visitors_per_week: optional(z.number()),
  size_given: optional(SizeClass),
  status: LocationStatus,
  website: optional(z.string()),
  note: optional(z.string()),
  extra: optional(z.string()),
});
export type RecordRow = z.infer<typeof RecordRow>;

/**
 * A source marks an entry that stands for a whole organisation (listed without its locations)
 * with the extra field `niveau` = `organisatie`.
 */
export function recordLevel(row: Pick<RecordRow, 'extra'>): MatchRecord['level'] {
  return normaliseKey(extraValue(row, 'niveau') ?? '') === 'organisatie' ? 'organisatie' : 'locatie';
}

/** One of the record's extra facts (a fixed key, EXTRA_KEYS in sources/schema.ts). */
export function extraValue(row: Pick<RecordRow, 'extra'>, key: ExtraKey): string | undefined {
  // Parsing every record's extra fields costs seconds at 100k rows; most never mention the key.
  if (!row.extra || !row.extra.includes(key)) return undefined;
  const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(row.extra));
  return parsed.success ? parsed.data[key] : undefined;
}

export interface LocationFacts {
  name: string;
  organisation?: string | undefined;
  postcode?: string | undefined;
  place?: string | undefined;
  /** The municipality the record resolved to (its current name). */
  municipality?: string | undefined;
  gm_code?: string | undefined;
  iza_region?: string | undefined;
  website?: string | undefined;
}

export function toMatchRecord(id: string, source: string, facts: LocationFacts, level: MatchRecord['level']): MatchRecord {
  return {
    id,
    source,
    gmCode: facts.gm_code ?? null,
    izaRegion: facts.iza_region ?? null,
    postcode: facts.postcode ?? null,
    placeKey: normaliseKey(facts.place ?? ''),
    municipalityKey: normaliseKey(facts.municipality ?? ''),
    websiteDomain: websiteDomain(facts.website),
    level,
    keys: matchKeys(facts.name, facts.organisation),
  };
}

/** Identifies a record across re-imports (row numbers change, content does not). */
export function fingerprint(record: MatchRecord): string {
  return fingerprintOf(record.source, record.keys.compactKey, record.gmCode ?? undefined, record.izaRegion ?? undefined);
}

/** `fingerprint` of a record known by its fields. */
export function fingerprintOf(source: string, compactKey: string, gmCode: string | undefined, izaRegion: string | undefined): string {
  return `${source}|${compactKey}|${gmCode ?? `regio:${izaRegion ?? ''}`}`;
}

function websiteDomain(website: string | undefined): string | null {
  if (!website) return null;
  const match = /^(?:https?:\/\/)?(?:www\.)?([^/\s?#]+)/i.exec(website.trim());
  return match?.[1]?.toLowerCase() ?? null;
}
