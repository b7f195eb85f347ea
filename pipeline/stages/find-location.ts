/**
 * Finds the steunpunt a survey answer or a regional correction is about, among a built year's
 * locations: by its location id, else by name (and municipality) with the deduplication rules.
 * Only an unambiguous match counts; never a guess.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { comparePair } from '../dedupe/compare.ts';
import { toMatchRecord } from '../dedupe/records.ts';

const Location = z.object({
  location_id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  place: z.string().nullable(),
  gm_code: z.string().nullable(),
  iza_region: z.string().nullable(),
  status: z.string(),
  size_class: z.string(),
});
export type FoundLocation = z.infer<typeof Location>;

export interface LocationReference {
  locationId?: string | undefined;
  name: string;
  municipality?: string | undefined;
  place?: string | undefined;
}

export async function locationFinder(
  database: MonitorDatabase,
  context: MonitorContext,
  year: number,
): Promise<(reference: LocationReference) => FoundLocation | null> {
  const locations = await database.query(
    Location,
    'SELECT location_id, name, organisation, place, gm_code, iza_region, status, size_class FROM location WHERE year = $1 ORDER BY location_id',
    [year],
  );
  if (locations.length === 0) {
    throw new MonitorError(`monitor ${year} is nog niet gebouwd; bouw eerst het jaar, dan kan dit bestand aan de steunpunten worden gekoppeld`);
  }
  const byId = new Map(locations.map((location) => [location.location_id, location]));
  const candidates = locations.map((location) => ({
    location,
    record: toMatchRecord(location.location_id, 'monitor', {
      name: location.name,
      organisation: location.organisation ?? undefined,
      place: location.place ?? undefined,
      gm_code: location.gm_code ?? undefined,
      iza_region: location.iza_region ?? undefined,
    }, 'locatie'),
  }));
  return (reference) => {
    if (reference.locationId !== undefined && byId.has(reference.locationId)) return byId.get(reference.locationId)!;
    const resolution = reference.municipality || reference.place
      ? context.resolver.resolve({
          ...(reference.municipality ? { municipality: reference.municipality } : {}),
          ...(reference.place ? { place: reference.place } : {}),
        })
      : undefined;
    const gmCode = resolution?.kind === 'resolved' ? resolution.gmCode : undefined;
    const asked = toMatchRecord('gevraagd', 'bestand', {
      name: reference.name,
      ...(gmCode ? { gm_code: gmCode } : {}),
      ...(reference.place ? { place: reference.place } : {}),
    }, 'locatie');
    const same = candidates.filter((candidate) => comparePair(asked, candidate.record).outcome === 'zelfde');
    return same.length === 1 ? same[0]!.location : null;
  };
}
