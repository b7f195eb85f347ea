/**
 * A point for a location, as precise as its fields allow: the PC4 point of its postcode, else the
 * mean of the PC4 points of its place inside its municipality, else the municipality centroid.
 * The PC4 table is from 2014 (see sources/reference/cbs/SOURCES.md), so newer postcodes fall
 * through to the place or the municipality.
 */
import type { ReferenceData } from '../../sources/reference/load.ts';
import { alternativeArticleKey, normaliseKey } from '../normalise/text-key.ts';
import type { LatLon } from './haversine.ts';

export type LocatePrecision = 'pc4' | 'plaats' | 'gemeente';

export interface LocateInput {
  postcode?: string;
  place?: string;
  gmCode?: string;
}

export interface Located extends LatLon {
  precision: LocatePrecision;
}

export interface Locator {
  locate(input: LocateInput): Located | null;
}

const POSTCODE = /^\s*(\d{4})\s*(?:[a-zA-Z]{2})?\s*$/;

export function createLocator(reference: Pick<ReferenceData, 'pc4' | 'centroids'>): Locator {
  const pc4Points = new Map(reference.pc4.map((row) => [row.pc4, { lat: row.lat, lon: row.lon }] as const));
  const centroids = new Map(reference.centroids.map((row) => [row.gm_code, { lat: row.lat, lon: row.lon }] as const));
  const places = placeCentroids(reference.pc4);

  const placePoint = (place: string, gmCode: string | undefined): LatLon | undefined => {
    const key = normaliseKey(place);
    if (key === '') return undefined;
    for (const candidate of [key, alternativeArticleKey(key)]) {
      const perMunicipality = candidate === undefined ? undefined : places.get(candidate);
      if (perMunicipality === undefined) continue;
      if (gmCode !== undefined) {
        const point = perMunicipality.get(gmCode);
        if (point) return point;
      } else if (perMunicipality.size === 1) {
        // Without a municipality a place is only used when it cannot mean two ("Bergen", "Hoorn" can).
        return [...perMunicipality.values()][0];
      }
    }
    return undefined;
  };

  return {
    locate({ postcode, place, gmCode }) {
      const pc4 = postcode === undefined ? undefined : POSTCODE.exec(postcode)?.[1];
      const byPostcode = pc4 === undefined ? undefined : pc4Points.get(pc4);
      if (byPostcode) return { ...byPostcode, precision: 'pc4' };

      const code = gmCode?.trim().toUpperCase() || undefined;
      const byPlace = place === undefined ? undefined : placePoint(place, code);
      if (byPlace) return { ...byPlace, precision: 'plaats' };

      const byMunicipality = code === undefined ? undefined : centroids.get(code);
      if (byMunicipality) return { ...byMunicipality, precision: 'gemeente' };
      return null;
    },
  };
}

/** Mean lat/lon of the PC4 points per woonplaats key and municipality; small areas, so the plain mean is fine. */
function placeCentroids(rows: ReferenceData['pc4']): Map<string, Map<string, LatLon>> {
  const sums = new Map<string, Map<string, { lat: number; lon: number; count: number }>>();
  for (const row of rows) {
    const key = normaliseKey(row.woonplaats);
    let perMunicipality = sums.get(key);
    if (!perMunicipality) sums.set(key, (perMunicipality = new Map()));
    const sum = perMunicipality.get(row.gm_code) ?? { lat: 0, lon: 0, count: 0 };
    perMunicipality.set(row.gm_code, { lat: sum.lat + row.lat, lon: sum.lon + row.lon, count: sum.count + 1 });
  }
  return new Map(
    [...sums].map(([key, perMunicipality]) => [
      key,
      new Map([...perMunicipality].map(([gmCode, sum]) => [gmCode, { lat: sum.lat / sum.count, lon: sum.lon / sum.count }] as const)),
    ]),
  );
}
