import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeAccessibility } from '../../../pipeline/geo/distance.ts';
import { whiteSpots } from '../../../pipeline/geo/white-spots.ts';
import { currentMunicipalities, loadReferenceData } from '../../../sources/reference/load.ts';

// Stand-in steunpunten: one at the centroid of every municipality with a steunpunt in view in the 2024 monitor.
const reference = loadReferenceData();
const municipalitiesFile = fileURLToPath(new URL('../../../reports/2024/gemeenten.csv', import.meta.url));
const withSteunpunt = Papa.parse<Record<string, string>>(readFileSync(municipalitiesFile, 'utf8'), { header: true, skipEmptyLines: true })
  .data.filter((row) => Number(row.in_beeld) > 0)
  .map((row) => row.gemeentecode ?? '');
const population2024 = new Map(reference.population.filter((row) => row.year === 2024).map((row) => [row.gm_code, row.population]));
const centroids = reference.centroids.map((row) => ({ gmCode: row.gm_code, lat: row.lat, lon: row.lon }));
const centroidOf = new Map(centroids.map((centroid) => [centroid.gmCode, centroid]));

const accessibility = computeAccessibility({
  steunpunten: withSteunpunt.map((gmCode) => {
    const centroid = centroidOf.get(gmCode);
    if (!centroid) throw new Error(`no centroid for ${gmCode}`);
    return { id: gmCode, lat: centroid.lat, lon: centroid.lon };
  }),
  municipalities: currentMunicipalities(reference).rows.map((row) => ({
    gmCode: row.gm_code,
    name: row.name,
    province: row.province,
    population: population2024.get(row.gm_code) ?? 0,
  })),
  pc4Points: reference.pc4.map((row) => ({ gmCode: row.gm_code, lat: row.lat, lon: row.lon })),
  centroids,
  thresholdsKm: [5, 10, 15, 20],
});

describe('accessibility on the bundled reference data (steunpunten at the 2024 municipalities in view)', () => {
  it('uses the 2024 municipalities with a steunpunt in view', () => {
    expect(withSteunpunt.length).toBe(136);
    expect(accessibility.national.population).toBe(17_942_942);
  });

  it('gives every one of the 342 municipalities a distance from its centroid and over its PC4 points', () => {
    expect(accessibility.municipalities).toHaveLength(342);
    for (const municipality of accessibility.municipalities) {
      expect(municipality.pointBasis).toBe('pc4');
      expect(municipality.afstand_centrum_km).not.toBeNull();
      expect(municipality.afstand_gemiddeld_km).not.toBeNull();
    }
  });

  it('gives a municipality that contains a steunpunt distance 0 from its centroid, to its own steunpunt', () => {
    const byCode = new Map(accessibility.municipalities.map((municipality) => [municipality.gmCode, municipality]));
    for (const gmCode of withSteunpunt) {
      expect(byCode.get(gmCode)).toMatchObject({ afstand_centrum_km: 0, nearestSteunpuntId: gmCode });
    }
  });

  it('has national shares that never fall as the distance grows, with provinces that add up', () => {
    const shares = accessibility.national.reach.map((entry) => entry.share);
    for (let index = 1; index < shares.length; index += 1) expect(shares[index]).toBeGreaterThanOrEqual(shares[index - 1] ?? 0);
    expect(shares.every((share) => share > 0 && share <= 1)).toBe(true);
    expect(accessibility.provinces).toHaveLength(12);
    for (const [position, entry] of accessibility.national.reach.entries()) {
      const summed = accessibility.provinces.reduce((sum, province) => sum + (province.reach[position]?.population ?? 0), 0);
      expect(summed).toBeCloseTo(entry.population, 3);
    }
  });

  it('lists as white spots only municipalities without a steunpunt, more of them at 10 km than at 15 and 25 km', () => {
    const at15 = whiteSpots(accessibility, 15);
    expect(at15.length).toBeGreaterThan(0);
    expect(at15.every((spot) => !withSteunpunt.includes(spot.gmCode) && (spot.afstand_centrum_km ?? 0) > 15)).toBe(true);
    expect(whiteSpots(accessibility, 10).length).toBeGreaterThan(at15.length);
    expect(whiteSpots(accessibility, 25).length).toBeLessThan(at15.length);
  });
});
