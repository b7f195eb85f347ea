import { describe, expect, it } from 'vitest';
import { computeAccessibility, type AccessibilityInput } from '../../../pipeline/geo/distance.ts';
import { haversineKm } from '../../../pipeline/geo/haversine.ts';
import { nearestBruteForce, type Site } from '../../../pipeline/geo/nearest.ts';
import { dutchPoint, seededRandom } from './random.ts';
import { north } from './world.ts';

/**
 * Limburg (GM0002, 1,000 inhabitants): PC4 points 0, 4, 9 and 21 km north of the steunpunt, centroid at 4 km.
 * Groningen (GM0001, 3,000): PC4 points at 12 and 100 km, centroid at 50 km.
 * Testland (GM0003, 1,000): no points, no centroid.
 */
const world = (steunpunten: Site[]): AccessibilityInput => ({
  steunpunten,
  municipalities: [
    { gmCode: 'GM0002', name: 'Zuiddorp', province: 'Limburg', population: 1000 },
    { gmCode: 'GM0001', name: 'Noorddorp', province: 'Groningen', population: 3000 },
    { gmCode: 'GM0003', name: 'Nergens', province: 'Testland', population: 1000 },
  ],
  pc4Points: [
    { gmCode: 'GM0002', ...north(0) },
    { gmCode: 'GM0002', ...north(4) },
    { gmCode: 'GM0001', ...north(12) },
    { gmCode: 'GM0002', ...north(9) },
    { gmCode: 'GM0002', ...north(21) },
    { gmCode: 'GM0001', ...north(100) },
    { gmCode: 'GM9999', ...north(1) },
  ],
  centroids: [
    { gmCode: 'GM0002', ...north(4) },
    { gmCode: 'GM0001', ...north(50) },
  ],
  thresholdsKm: [20, 5, 15, 10, 5],
});

const shares = (reach: { share: number }[]) => reach.map((entry) => entry.share);
const populations = (reach: { population: number }[]) => reach.map((entry) => entry.population);

describe('computeAccessibility on a hand-made world with one steunpunt', () => {
  const result = computeAccessibility(world([{ id: 'sp1', ...north(0) }]));
  const [noorddorp, zuiddorp, nergens] = result.municipalities;

  it('sorts and de-duplicates the thresholds, and keeps the default white-spot distance', () => {
    expect(result.thresholdsKm).toEqual([5, 10, 15, 20]);
    expect(result.whiteSpotKm).toBe(15);
    expect(result.steunpuntCount).toBe(1);
  });

  it('lists municipalities by code with their distances', () => {
    expect(result.municipalities.map((municipality) => municipality.gmCode)).toEqual(['GM0001', 'GM0002', 'GM0003']);
    expect(zuiddorp).toMatchObject({ pointBasis: 'pc4', pointCount: 4, nearestSteunpuntId: 'sp1', afstand_min_km: 0 });
    expect(zuiddorp?.afstand_centrum_km).toBeCloseTo(4, 9);
    expect(zuiddorp?.afstand_gemiddeld_km).toBeCloseTo((0 + 4 + 9 + 21) / 4, 9);
    expect(zuiddorp?.afstand_max_km).toBeCloseTo(21, 9);
    expect(noorddorp?.afstand_centrum_km).toBeCloseTo(50, 9);
    expect(noorddorp?.afstand_gemiddeld_km).toBeCloseTo(56, 9);
  });

  it('gives each PC4 point an equal share of the population', () => {
    expect(populations(zuiddorp?.reach ?? [])).toEqual([500, 750, 750, 750]);
    expect(shares(zuiddorp?.reach ?? [])).toEqual([0.5, 0.75, 0.75, 0.75]);
    expect(populations(noorddorp?.reach ?? [])).toEqual([0, 0, 1500, 1500]);
  });

  it('counts a municipality without points or centroid as out of reach, without distances', () => {
    expect(nergens).toMatchObject({
      pointBasis: 'geen',
      pointCount: 0,
      nearestSteunpuntId: null,
      afstand_centrum_km: null,
      afstand_gemiddeld_km: null,
      afstand_max_km: null,
    });
    expect(populations(nergens?.reach ?? [])).toEqual([0, 0, 0, 0]);
  });

  it('sums provinces in CBS order (unknown last) and the country', () => {
    expect(result.provinces.map((province) => province.area)).toEqual(['Groningen', 'Limburg', 'Testland']);
    expect(shares(result.provinces[0]?.reach ?? [])).toEqual([0, 0, 0.5, 0.5]);
    expect(shares(result.provinces[1]?.reach ?? [])).toEqual([0.5, 0.75, 0.75, 0.75]);
    expect(result.national.area).toBe('Nederland');
    expect(result.national.population).toBe(5000);
    expect(populations(result.national.reach)).toEqual([500, 750, 2250, 2250]);
    expect(shares(result.national.reach)).toEqual([0.1, 0.15, 0.45, 0.45]);
  });

  it('places a municipality without PC4 points at its centroid', () => {
    const input = world([{ id: 'sp1', ...north(0) }]);
    const onlyCentroid = computeAccessibility({ ...input, pc4Points: [] });
    expect(onlyCentroid.municipalities[1]).toMatchObject({ pointBasis: 'centrum', pointCount: 1 });
    expect(populations(onlyCentroid.municipalities[1]?.reach ?? [])).toEqual([1000, 1000, 1000, 1000]);
  });

  it('counts a point exactly at a threshold as within it', () => {
    const steunpunt = { id: 'sp1', ...north(0) };
    const edge = haversineKm(steunpunt, north(9));
    const exact = computeAccessibility({ ...world([steunpunt]), thresholdsKm: [edge] });
    expect(exact.municipalities[1]?.reach[0]?.population).toBe(750);
  });
});

describe('computeAccessibility: edge cases', () => {
  it('gives null distances and zero shares without any steunpunt', () => {
    const result = computeAccessibility(world([]));
    for (const municipality of result.municipalities) {
      expect(municipality).toMatchObject({ nearestSteunpuntId: null, afstand_centrum_km: null, afstand_gemiddeld_km: null, afstand_max_km: null });
      expect(shares(municipality.reach)).toEqual([0, 0, 0, 0]);
    }
    expect(shares(result.national.reach)).toEqual([0, 0, 0, 0]);
    expect(result.national.population).toBe(5000);
  });

  it('picks the smallest id among equally near steunpunten', () => {
    const result = computeAccessibility(world([{ id: 'b', ...north(4) }, { id: 'a', ...north(4) }]));
    expect(result.municipalities[1]?.nearestSteunpuntId).toBe('a');
    expect(result.municipalities[1]?.afstand_centrum_km).toBe(0);
  });

  it('is deterministic: shuffled input gives the same result', () => {
    const input = world([{ id: 'sp2', ...north(60) }, { id: 'sp1', ...north(0) }]);
    const shuffled = {
      ...input,
      steunpunten: [...input.steunpunten].reverse(),
      municipalities: [...input.municipalities].reverse(),
      centroids: [...input.centroids].reverse(),
    };
    expect(computeAccessibility(shuffled)).toEqual(computeAccessibility(input));
  });

  it('rejects a repeated municipality, a negative threshold and impossible coordinates', () => {
    const input = world([]);
    const first = input.municipalities[0];
    if (!first) throw new Error('unreachable');
    expect(() => computeAccessibility({ ...input, municipalities: [...input.municipalities, first] })).toThrow(/meer dan eens/);
    expect(() => computeAccessibility({ ...input, thresholdsKm: [-1] })).toThrow(/afstandsgrens/);
    expect(() => computeAccessibility({ ...input, steunpunten: [{ id: 'x', lat: Number.NaN, lon: 5 }] })).toThrow(/coördinaten/);
    expect(() => computeAccessibility({ ...input, whiteSpotKm: -5 })).toThrow(/witte vlekken/);
  });
});

describe('computeAccessibility against brute force (seeded random world)', () => {
  it('gives the same nearest steunpunt and distances as checking every steunpunt', () => {
    const random = seededRandom(42);
    const steunpunten = Array.from({ length: 800 }, (_, index) => ({ id: `sp${index}`, ...dutchPoint(random) }));
    const codes = Array.from({ length: 60 }, (_, index) => `GM${String(index + 1).padStart(4, '0')}`);
    const pc4Points = Array.from({ length: 3000 }, (_, index) => ({ gmCode: codes[index % codes.length] ?? 'GM0001', ...dutchPoint(random) }));
    const centroids = codes.map((gmCode) => ({ gmCode, ...dutchPoint(random) }));
    const result = computeAccessibility({
      steunpunten,
      municipalities: codes.map((gmCode, index) => ({ gmCode, name: gmCode, province: 'Utrecht', population: 1000 + index })),
      pc4Points,
      centroids,
      thresholdsKm: [2, 5, 10],
    });

    for (const municipality of result.municipalities) {
      const centroid = centroids.find((candidate) => candidate.gmCode === municipality.gmCode);
      if (!centroid) throw new Error('unreachable');
      const fromCentroid = nearestBruteForce(steunpunten, centroid);
      expect(municipality.nearestSteunpuntId).toBe(fromCentroid?.id);
      expect(municipality.afstand_centrum_km).toBe(fromCentroid?.distanceKm);
      const distances = pc4Points
        .filter((point) => point.gmCode === municipality.gmCode)
        .map((point) => nearestBruteForce(steunpunten, point)?.distanceKm ?? Number.NaN);
      expect(municipality.afstand_max_km).toBe(Math.max(...distances));
      expect(municipality.afstand_gemiddeld_km).toBeCloseTo(distances.reduce((sum, distance) => sum + distance, 0) / distances.length, 9);
      expect(municipality.reach.map((entry) => entry.share)).toEqual(
        [2, 5, 10].map((km) => distances.filter((distance) => distance <= km).length / distances.length),
      );
    }
  });
});
