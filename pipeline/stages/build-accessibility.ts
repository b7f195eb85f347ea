/**
 * Distance to the nearest steunpunt in view, per municipality, the population within each
 * distance band per municipality, province and nationally, and the white spots. Straight-line
 * ("hemelsbreed") distance: CBS measures proximity of facilities over roads, which this is not.
 */
import { z } from 'zod';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { computeAccessibility } from '../geo/distance.ts';
import { whiteSpots } from '../geo/white-spots.ts';

const Steunpunt = z.object({ location_id: z.string(), lat: z.number(), lon: z.number() });
const Municipality = z.object({ gm_code: z.string(), name: z.string(), province: z.string(), population: z.number().nullable() });

export async function buildAccessibility(database: MonitorDatabase, context: MonitorContext, year: number): Promise<void> {
  const { thresholdsKm, whiteSpotKm } = context.config.distance;
  const steunpunten = await database.query(
    Steunpunt,
    `SELECT location_id, lat, lon FROM location
      WHERE year = $1 AND status = 'actief' AND lat IS NOT NULL ORDER BY location_id`,
    [year],
  );
  const municipalities = await database.query(
    Municipality,
    `SELECT area AS gm_code, area_name AS name, province, population FROM coverage
      WHERE year = $1 AND level = 'gemeente' ORDER BY area`,
    [year],
  );
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

  await database.insert(
    'accessibility',
    accessibility.municipalities.map((row) => [
      year, row.gmCode, row.pointBasis, row.pointCount, row.nearestSteunpuntId,
      row.afstand_centrum_km, row.afstand_gemiddeld_km, row.afstand_min_km, row.afstand_max_km,
    ]),
  );
  await database.insert('reach', [
    ...accessibility.municipalities.flatMap((row) => reachRows(year, 'gemeente', row.gmCode, row.reach)),
    ...accessibility.provinces.flatMap((row) => reachRows(year, 'provincie', row.area, row.reach)),
    ...reachRows(year, 'nederland', accessibility.national.area, accessibility.national.reach),
  ]);
  await database.insert(
    'white_spot',
    whiteSpots(accessibility, whiteSpotKm).map((spot, index) => [year, index + 1, spot.gmCode, whiteSpotKm, spot.partlyWithinReach]),
  );
}

function reachRows(year: number, level: string, area: string, reach: readonly { km: number; population: number; share: number }[]) {
  return reach.map((band) => [year, level, area, band.km, band.population, band.share]);
}

