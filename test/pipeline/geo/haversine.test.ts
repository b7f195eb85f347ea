import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from '../../../pipeline/geo/haversine.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';

describe('haversineKm', () => {
  it('gives 58.7 km between the Amsterdam and Rotterdam centroids (SOURCES.md)', () => {
    const centroids = new Map(loadReferenceData().centroids.map((row) => [row.gm_code, row]));
    const amsterdam = centroids.get('GM0363');
    const rotterdam = centroids.get('GM0599');
    if (!amsterdam || !rotterdam) throw new Error('centroids missing');
    expect(Math.abs(haversineKm(amsterdam, rotterdam) - 58.7)).toBeLessThanOrEqual(0.2);
  });

  it('gives 111.2 km for one degree of latitude, anywhere along a meridian', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 3);
    expect(haversineKm({ lat: 52, lon: 5 }, { lat: 53, lon: 5 })).toBeCloseTo(111.195, 3);
  });

  it('gives a quarter of the circumference from the equator to the pole', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    expect(haversineKm({ lat: 60, lon: 0 }, { lat: 60, lon: 1 })).toBeCloseTo(55.6, 1);
  });

  it('is zero for one point, symmetric, and finite for antipodes', () => {
    const a = { lat: 52.37, lon: 4.9 };
    const b = { lat: 51.92, lon: 4.45 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBe(haversineKm(b, a));
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });
});
