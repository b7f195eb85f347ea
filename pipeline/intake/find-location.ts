/**
 * Finds the steunpunt a survey answer or a regional correction is about, among a built year's
 * locations: by its location id, else by name (and municipality) with the deduplication rules.
 * Only an unambiguous match counts; never a guess.
 */
import type { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES } from '../db/tables.ts';
import { comparePair } from '../dedupe/compare.ts';
import { toMatchRecord } from '../dedupe/records.ts';

const LOCATIONS_OF_YEAR = sql('intake/find-location/locations-of-year.sql');

const Location = TABLES.location.pick({
  location_id: true,
  name: true,
  organisation: true,
  place: true,
  gm_code: true,
  iza_region: true,
  status: true,
  size_class: true,
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
  const locations = await database.query(Location, LOCATIONS_OF_YEAR, { year });
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
