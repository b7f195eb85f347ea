/**
 * White spots: municipalities with no steunpunt within a given distance of their centroid. With
 * no steunpunten at all that is every municipality; otherwise a municipality without a known
 * centroid cannot be judged and is not listed.
 */
import type { Accessibility } from './distance.ts';

export interface WhiteSpot {
  gmCode: string;
  name: string;
  province: string;
  population: number;
  /** Null when there are no steunpunten at all. */
  nearestSteunpuntId: string | null;
  afstand_centrum_km: number | null;
  /** Some of its populated points (PC4) do have a steunpunt within the distance. */
  partlyWithinReach: boolean;
}

const byName = new Intl.Collator('nl', { sensitivity: 'base' });

export function whiteSpots(accessibility: Accessibility, whiteSpotKm: number = accessibility.whiteSpotKm): WhiteSpot[] {
  if (!Number.isFinite(whiteSpotKm) || whiteSpotKm < 0) throw new RangeError(`ongeldige afstand voor witte vlekken: ${whiteSpotKm}`);
  const noSteunpunten = accessibility.steunpuntCount === 0;
  return accessibility.municipalities
    .filter(
      (municipality) =>
        noSteunpunten || (municipality.afstand_centrum_km !== null && municipality.afstand_centrum_km > whiteSpotKm),
    )
    .map((municipality) => ({
      gmCode: municipality.gmCode,
      name: municipality.name,
      province: municipality.province,
      population: municipality.population,
      nearestSteunpuntId: municipality.nearestSteunpuntId,
      afstand_centrum_km: municipality.afstand_centrum_km,
      partlyWithinReach: municipality.afstand_min_km !== null && municipality.afstand_min_km <= whiteSpotKm,
    }))
    .sort(
      (a, b) =>
        b.population - a.population ||
        byName.compare(a.name, b.name) ||
        (a.gmCode < b.gmCode ? -1 : a.gmCode > b.gmCode ? 1 : 0),
    );
}
