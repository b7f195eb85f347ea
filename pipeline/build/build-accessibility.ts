/**
 * Distance to the nearest steunpunt in view, per municipality, the population within each
 * distance band per municipality, province and nationally, and the white spots. Straight-line
 * ("hemelsbreed") distance: CBS measures proximity of facilities over roads, which this is not.
 */
import { z } from 'zod';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES, type NewRow } from '../db/tables.ts';
import { computeAccessibility } from '../geo/distance.ts';
import { whiteSpots } from '../geo/white-spots.ts';
import { checkKeys } from './check-keys.ts';

const LOCATED_STEUNPUNTEN = sql('build/build-accessibility/located-steunpunten.sql');
const MUNICIPALITIES = sql('build/build-accessibility/municipalities.sql');
const REPEATED_KEYS = sql('build/build-accessibility/repeated-keys.sql');

/** What each table's key is, as a person reads it in the error of a key held twice. */
const KEY_NAMES = { accessibility: 'dezelfde gemeente', reach: 'hetzelfde gebied en dezelfde afstand', white_spot: 'dezelfde gemeente' };

const Steunpunt = TABLES.location.pick({ location_id: true }).extend({ lat: z.number(), lon: z.number() });
const Municipality = z.object({ gm_code: z.string(), name: z.string(), province: z.string(), population: z.number().nullable() });

export async function buildAccessibility(database: MonitorDatabase, context: MonitorContext, year: number): Promise<void> {
  const { thresholdsKm, whiteSpotKm } = context.config.distance;
  const steunpunten = await database.query(Steunpunt, LOCATED_STEUNPUNTEN, { year });
  const municipalities = await database.query(Municipality, MUNICIPALITIES, { year });
  const accessibility = computeAccessibility({
    steunpunten: steunpunten.map((row) => ({ id: row.location_id, lat: row.lat, lon: row.lon })),
    municipalities: municipalities.map((row) => ({
      gmCode: row.gm_code,
      name: row.name,
      province: row.province,
      population: row.population ?? 0,
    })),
    pc4Points: context.reference.pc4.map((row) => ({ gmCode: row.gm_code, lat: row.lat, lon: row.lon })),
    centroids: context.reference.centroids.map((row) => ({ gmCode: row.gm_code, lat: row.lat, lon: row.lon })),
    thresholdsKm,
    whiteSpotKm,
  });

  await database.append(
    'accessibility',
    accessibility.municipalities.map((row) => ({
      year,
      gm_code: row.gmCode,
      point_basis: row.pointBasis,
      points: row.pointCount,
      nearest_location_id: row.nearestSteunpuntId,
      centre_km: row.afstand_centrum_km,
      mean_km: row.afstand_gemiddeld_km,
      min_km: row.afstand_min_km,
      max_km: row.afstand_max_km,
    })),
  );
  await database.append('reach', [
    ...accessibility.municipalities.flatMap((row) => reachRows(year, 'gemeente', row.gmCode, row.reach)),
    ...accessibility.provinces.flatMap((row) => reachRows(year, 'provincie', row.area, row.reach)),
    ...reachRows(year, 'nederland', accessibility.national.area, accessibility.national.reach),
  ]);
  await database.append(
    'white_spot',
    whiteSpots(accessibility, whiteSpotKm).map((spot, index) => ({
      year,
      rank: index + 1,
      gm_code: spot.gmCode,
      within_km: whiteSpotKm,
      partly_within_reach: spot.partlyWithinReach,
    })),
  );
  await checkKeys(database, year, REPEATED_KEYS, KEY_NAMES);
}

function reachRows(year: number, level: string, area: string, reach: readonly { km: number; population: number; share: number }[]): NewRow<'reach'>[] {
  return reach.map((band) => ({ year, level, area, km: band.km, population: band.population, share: band.share }));
}

