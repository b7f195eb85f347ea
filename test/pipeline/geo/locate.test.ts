import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../pipeline/geo/haversine.ts';
import { createLocator } from '../../../pipeline/geo/locate.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';

const reference = loadReferenceData();
const { locate } = createLocator(reference);

const pc4Point = (pc4: string) => {
  const row = reference.pc4.find((candidate) => candidate.pc4 === pc4);
  if (!row) throw new Error(`PC4 ${pc4} missing`);
  return { lat: row.lat, lon: row.lon };
};
const centroid = (gmCode: string) => {
  const row = reference.centroids.find((candidate) => candidate.gm_code === gmCode);
  if (!row) throw new Error(`centroid ${gmCode} missing`);
  return { lat: row.lat, lon: row.lon };
};
const meanOfPlace = (woonplaats: string, gmCode: string) => {
  const rows = reference.pc4.filter((row) => row.woonplaats === woonplaats && row.gm_code === gmCode);
  if (rows.length === 0) throw new Error(`no PC4 points for ${woonplaats} in ${gmCode}`);
  return {
    lat: rows.reduce((sum, row) => sum + row.lat, 0) / rows.length,
    lon: rows.reduce((sum, row) => sum + row.lon, 0) / rows.length,
  };
};

describe('locate: postcode', () => {
  it('takes the PC4 point of a full postcode, over place and municipality', () => {
    expect(locate({ postcode: '1011 AB', place: 'Rotterdam', gmCode: 'GM0599' })).toEqual({ ...pc4Point('1011'), precision: 'pc4' });
  });

  it('accepts the four digits alone, without a space, or in lower case', () => {
    for (const postcode of ['1011', '1011AB', '1011 ab', ' 1011 ']) {
      expect(locate({ postcode })).toEqual({ ...pc4Point('1011'), precision: 'pc4' });
    }
  });

  it('falls through when the PC4 is not in the 2014 table (PO-box range 1000)', () => {
    expect(locate({ postcode: '1000 AA', gmCode: 'GM0363' })).toEqual({ ...centroid('GM0363'), precision: 'gemeente' });
  });
});

describe('locate: place', () => {
  it('resolves a place inside its municipality when the name exists in two (Bergen NH / Bergen L)', () => {
    const limburg = locate({ place: 'Bergen', gmCode: 'GM0893' });
    const noordHolland = locate({ place: 'Bergen', gmCode: 'GM0373' });
    expect(limburg).toEqual({ ...meanOfPlace('Bergen', 'GM0893'), precision: 'plaats' });
    expect(noordHolland).toEqual({ ...meanOfPlace('Bergen', 'GM0373'), precision: 'plaats' });
    if (!limburg || !noordHolland) throw new Error('unreachable');
    expect(haversineKm(limburg, centroid('GM0893'))).toBeLessThan(10);
    expect(haversineKm(noordHolland, centroid('GM0373'))).toBeLessThan(10);
    expect(haversineKm(limburg, noordHolland)).toBeGreaterThan(100);
  });

  it('does not guess a place that lies in several municipalities when no municipality is given', () => {
    expect(locate({ place: 'Bergen' })).toBeNull();
    expect(locate({ place: 'Den Hoorn' })).toBeNull();
  });

  it('resolves a place without a municipality when all its points lie in one', () => {
    expect(locate({ place: 'Alphen aan den Rijn' })).toEqual({ ...meanOfPlace('Alphen aan den Rijn', 'GM0484'), precision: 'plaats' });
  });

  it('matches spellings through normaliseKey, and "a/d" with either article', () => {
    const expected = { ...meanOfPlace('Alphen aan den Rijn', 'GM0484'), precision: 'plaats' };
    expect(locate({ place: 'ALPHEN A/D RIJN', gmCode: 'GM0484' })).toEqual(expected);
    expect(locate({ place: 'Alphen aan de Rijn', gmCode: 'gm0484' })).toEqual(expected);
  });

  it('uses the municipality centroid when the place does not lie in the given municipality', () => {
    expect(locate({ place: 'Bergen', gmCode: 'GM0363' })).toEqual({ ...centroid('GM0363'), precision: 'gemeente' });
  });
});

describe('locate: municipality and nothing', () => {
  it('falls back to the municipality centroid', () => {
    expect(locate({ gmCode: 'GM0599' })).toEqual({ ...centroid('GM0599'), precision: 'gemeente' });
    expect(locate({ place: 'Nergenshuizen', gmCode: 'GM0599' })).toEqual({ ...centroid('GM0599'), precision: 'gemeente' });
  });

  it('returns null when nothing is known', () => {
    expect(locate({})).toBeNull();
    expect(locate({ place: 'Nergenshuizen' })).toBeNull();
    expect(locate({ postcode: 'geen', place: '—' })).toBeNull();
    expect(locate({ gmCode: 'GM9999' })).toBeNull();
  });
});
