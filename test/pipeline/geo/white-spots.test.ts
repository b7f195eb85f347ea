import { describe, expect, it } from 'vitest';
import { computeAccessibility, type AccessibilityInput } from '../../../pipeline/geo/distance.ts';
import { whiteSpots } from '../../../pipeline/geo/white-spots.ts';
import { north } from './world.ts';

/**
 * One steunpunt at 0 km. Municipalities with their centroid 0, 12, 20, 20 and 30 km to the north;
 * Middendorp (20 km) has one PC4 point at 14 km, so part of it is within 15 km.
 */
const input: AccessibilityInput = {
  steunpunten: [{ id: 'sp1', ...north(0) }],
  municipalities: [
    { gmCode: 'GM0001', name: 'Hier', province: 'Utrecht', population: 90_000 },
    { gmCode: 'GM0002', name: 'Dichtbij', province: 'Utrecht', population: 20_000 },
    { gmCode: 'GM0003', name: 'Middendorp', province: 'Utrecht', population: 5_000 },
    { gmCode: 'GM0004', name: 'Aadorp', province: 'Gelderland', population: 5_000 },
    { gmCode: 'GM0005', name: 'Verweg', province: 'Gelderland', population: 1_000 },
  ],
  pc4Points: [
    { gmCode: 'GM0003', ...north(14) },
    { gmCode: 'GM0003', ...north(26) },
  ],
  centroids: [
    { gmCode: 'GM0001', ...north(0) },
    { gmCode: 'GM0002', ...north(12) },
    { gmCode: 'GM0003', ...north(20) },
    { gmCode: 'GM0004', ...north(20, 5.001) },
    { gmCode: 'GM0005', ...north(30) },
  ],
  thresholdsKm: [5, 10, 15, 20],
};

describe('whiteSpots', () => {
  const accessibility = computeAccessibility(input);

  it('lists municipalities with no steunpunt within 15 km of their centroid, largest first, then by name', () => {
    const spots = whiteSpots(accessibility, 15);
    expect(spots.map((spot) => spot.name)).toEqual(['Aadorp', 'Middendorp', 'Verweg']);
    expect(spots[1]).toMatchObject({ gmCode: 'GM0003', province: 'Utrecht', population: 5_000, nearestSteunpuntId: 'sp1', partlyWithinReach: true });
    expect(spots[1]?.afstand_centrum_km).toBeCloseTo(20, 9);
    expect(spots[0]?.partlyWithinReach).toBe(false);
    expect(spots[2]?.partlyWithinReach).toBe(false);
  });

  it('honours the distance: 25 km leaves only the municipality at 30 km, 10 km adds the one at 12 km', () => {
    expect(whiteSpots(accessibility, 25).map((spot) => spot.name)).toEqual(['Verweg']);
    expect(whiteSpots(accessibility, 10).map((spot) => spot.name)).toEqual(['Dichtbij', 'Aadorp', 'Middendorp', 'Verweg']);
  });

  it('says whether part of a municipality is within reach at the distance asked', () => {
    expect(whiteSpots(accessibility, 13).find((spot) => spot.name === 'Middendorp')?.partlyWithinReach).toBe(false);
  });

  it('defaults to the white-spot distance of the accessibility result', () => {
    expect(whiteSpots(computeAccessibility({ ...input, whiteSpotKm: 25 }))).toEqual(whiteSpots(accessibility, 25));
    expect(whiteSpots(accessibility)).toEqual(whiteSpots(accessibility, 15));
  });

  it('lists every municipality when there are no steunpunten', () => {
    const spots = whiteSpots(computeAccessibility({ ...input, steunpunten: [] }));
    expect(spots.map((spot) => spot.gmCode)).toEqual(['GM0001', 'GM0002', 'GM0004', 'GM0003', 'GM0005']);
    expect(spots.every((spot) => spot.afstand_centrum_km === null && spot.nearestSteunpuntId === null && !spot.partlyWithinReach)).toBe(true);
  });
});
