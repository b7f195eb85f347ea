/**
 * Distance from where people live to the nearest steunpunt, per municipality, province and the
 * whole country. Pure: plain data in, plain data out, in a fixed order.
 *
 * Where people live: CBS publishes no population per PC4 in this repository, so a municipality's
 * population is spread in equal shares over its PC4 points (the 4pp points, see
 * sources/reference/cbs/SOURCES.md). A municipality without PC4 points counts as living at its
 * centroid; one with neither counts as out of reach and gets no distances. Consequences: a
 * population-weighted mean over the points is their plain mean, and a thinly populated rural PC4
 * weighs as much as a city PC4. Points and centroids of a code not among the municipalities are ignored.
 *
 * "Within X km" includes X. With no steunpunten at all every distance is null and every share 0.
 */
import { provinceRank } from '../../sources/reference/provinces.ts';
import type { LatLon } from './haversine.ts';
import { createNearestIndex, type Nearest, type Site } from './nearest.ts';

export const DEFAULT_WHITE_SPOT_KM = 15;

export interface MunicipalityInput {
  gmCode: string;
  name: string;
  province: string;
  population: number;
}

export interface MunicipalityPoint extends LatLon {
  gmCode: string;
}

export interface AccessibilityInput {
  steunpunten: readonly Site[];
  municipalities: readonly MunicipalityInput[];
  pc4Points: readonly MunicipalityPoint[];
  centroids: readonly MunicipalityPoint[];
  thresholdsKm: readonly number[];
  /** Kept on the result as the default distance for whiteSpots(). */
  whiteSpotKm?: number;
}

/** Population within `km` of a steunpunt and its share of the area's population (0 when it has none). */
export interface Reach {
  km: number;
  population: number;
  share: number;
}

export interface MunicipalityAccessibility extends MunicipalityInput {
  /** Where the population was placed: its PC4 points, its centroid, or nowhere known. */
  pointBasis: 'pc4' | 'centrum' | 'geen';
  pointCount: number;
  /** Nearest steunpunt to the centroid. */
  nearestSteunpuntId: string | null;
  afstand_centrum_km: number | null;
  afstand_gemiddeld_km: number | null;
  afstand_min_km: number | null;
  afstand_max_km: number | null;
  /** One entry per threshold, ascending. */
  reach: Reach[];
}

export interface AreaAccessibility {
  /** Province name, or "Nederland". */
  area: string;
  population: number;
  reach: Reach[];
}

export interface Accessibility {
  thresholdsKm: number[];
  whiteSpotKm: number;
  steunpuntCount: number;
  /** By gmCode. */
  municipalities: MunicipalityAccessibility[];
  /** In CBS province order, unknown names last by name. */
  provinces: AreaAccessibility[];
  national: AreaAccessibility;
}

export function computeAccessibility(input: AccessibilityInput): Accessibility {
  const thresholdsKm = checkedThresholds(input.thresholdsKm);
  const whiteSpotKm = input.whiteSpotKm ?? DEFAULT_WHITE_SPOT_KM;
  if (!Number.isFinite(whiteSpotKm) || whiteSpotKm < 0) throw new RangeError(`ongeldige afstand voor witte vlekken: ${whiteSpotKm}`);
  input.steunpunten.forEach((site) => checkPoint(site, `steunpunt ${site.id}`));

  const { nearest } = createNearestIndex(input.steunpunten);
  const pointsByMunicipality = groupPoints(input.pc4Points);
  const centroids = new Map<string, LatLon>();
  for (const centroid of input.centroids) {
    checkPoint(centroid, `centrum ${centroid.gmCode}`);
    centroids.set(centroid.gmCode, centroid);
  }

  const seen = new Set<string>();
  const municipalities = [...input.municipalities]
    .sort((a, b) => compareText(a.gmCode, b.gmCode))
    .map((municipality) => {
      if (seen.has(municipality.gmCode)) throw new RangeError(`gemeente ${municipality.gmCode} staat meer dan eens in de invoer`);
      seen.add(municipality.gmCode);
      if (!Number.isFinite(municipality.population) || municipality.population < 0) {
        throw new RangeError(`ongeldig aantal inwoners voor ${municipality.gmCode}: ${municipality.population}`);
      }
      return measureMunicipality(municipality, pointsByMunicipality.get(municipality.gmCode) ?? [], centroids.get(municipality.gmCode), nearest, thresholdsKm);
    });

  const byProvince = new Map<string, MunicipalityAccessibility[]>();
  for (const municipality of municipalities) {
    const members = byProvince.get(municipality.province);
    if (members) members.push(municipality);
    else byProvince.set(municipality.province, [municipality]);
  }
  const provinces = [...byProvince]
    .sort(([a], [b]) => provinceRank(a) - provinceRank(b) || compareText(a, b))
    .map(([province, members]) => aggregate(province, members, thresholdsKm));

  return {
    thresholdsKm,
    whiteSpotKm,
    steunpuntCount: input.steunpunten.length,
    municipalities,
    provinces,
    national: aggregate('Nederland', municipalities, thresholdsKm),
  };
}

function measureMunicipality(
  municipality: MunicipalityInput,
  pc4Points: readonly LatLon[],
  centroid: LatLon | undefined,
  nearest: (point: LatLon) => Nearest | null,
  thresholdsKm: readonly number[],
): MunicipalityAccessibility {
  const points = pc4Points.length > 0 ? pc4Points : centroid ? [centroid] : [];
  const pointBasis = pc4Points.length > 0 ? 'pc4' : centroid ? 'centrum' : 'geen';
  const fromCentroid = centroid ? nearest(centroid) : null;
  const distances = points.map((point) => nearest(point)?.distanceKm).filter((distance) => distance !== undefined);
  const measured = distances.length > 0;
  return {
    gmCode: municipality.gmCode,
    name: municipality.name,
    province: municipality.province,
    population: municipality.population,
    pointBasis,
    pointCount: points.length,
    nearestSteunpuntId: fromCentroid?.id ?? null,
    afstand_centrum_km: fromCentroid?.distanceKm ?? null,
    afstand_gemiddeld_km: measured ? distances.reduce((sum, distance) => sum + distance, 0) / distances.length : null,
    afstand_min_km: measured ? Math.min(...distances) : null,
    afstand_max_km: measured ? Math.max(...distances) : null,
    reach: thresholdsKm.map((km) => {
      // Equal shares per point: the population within reach is the population times the fraction of points within reach.
      const within = distances.filter((distance) => distance <= km).length;
      if (within === 0) return { km, population: 0, share: 0 };
      return { km, population: (municipality.population * within) / points.length, share: within / points.length };
    }),
  };
}

function aggregate(area: string, members: readonly MunicipalityAccessibility[], thresholdsKm: readonly number[]): AreaAccessibility {
  const population = members.reduce((sum, member) => sum + member.population, 0);
  return {
    area,
    population,
    reach: thresholdsKm.map((km, position) => {
      const within = members.reduce((sum, member) => sum + (member.reach[position]?.population ?? 0), 0);
      return { km, population: within, share: population > 0 ? within / population : 0 };
    }),
  };
}

function groupPoints(points: readonly MunicipalityPoint[]): Map<string, LatLon[]> {
  const grouped = new Map<string, LatLon[]>();
  for (const point of points) {
    checkPoint(point, `PC4-punt van ${point.gmCode}`);
    const group = grouped.get(point.gmCode);
    if (group) group.push(point);
    else grouped.set(point.gmCode, [point]);
  }
  return grouped;
}

function checkedThresholds(thresholdsKm: readonly number[]): number[] {
  for (const km of thresholdsKm) {
    if (!Number.isFinite(km) || km < 0) throw new RangeError(`ongeldige afstandsgrens: ${km}`);
  }
  return [...new Set(thresholdsKm)].sort((a, b) => a - b);
}

function checkPoint({ lat, lon }: LatLon, what: string): void {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new RangeError(`ongeldige coördinaten voor ${what}: ${lat}, ${lon}`);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
