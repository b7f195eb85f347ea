import { describe, expect, it } from 'vitest';
import { createIzaRegionIndex, IZA_REGION_ALIASES } from '../../../pipeline/normalise/iza-region.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';

const reference = loadReferenceData();
const regions = createIzaRegionIndex(reference);
const crosswalkNames = [...new Set(reference.izaRegions.map((row) => row.iza_region))];

describe('createIzaRegionIndex', () => {
  it('knows the 42 crosswalk names as they are spelled', () => {
    expect(crosswalkNames).toHaveLength(42);
    for (const name of crosswalkNames) expect(regions.canonical(name)).toBe(name);
  });

  it('ignores case and separators', () => {
    expect(regions.canonical('apeldoorn/zutphen')).toBe('Apeldoorn / Zutphen');
    expect(regions.canonical('UTRECHT - UTRECHT')).toBe('Utrecht / Utrecht');
    expect(regions.canonical('Helmond – de Peel')).toBe('Helmond-de Peel');
  });

  it.each(IZA_REGION_ALIASES.map(({ alias, region }) => [alias, region]))('reads Bijlage 1 heading %s as %s', (alias, region) => {
    expect(regions.canonical(alias)).toBe(region);
  });

  it('does not know other names', () => {
    expect(regions.canonical('Atlantis')).toBeNull();
    expect(regions.canonical('')).toBeNull();
  });

  it('gives the province that holds most of the region population', () => {
    expect(regions.province('Apeldoorn / Zutphen')).toBe('Gelderland');
    expect(regions.province('Noord-Veluwe en Zeewolde')).toBe('Gelderland');
    expect(regions.province('Waardenland')).toBe('Zuid-Holland');
    expect(regions.province('Groningen (provincie)')).toBe('Groningen');
    expect(regions.province('Friesland')).toBe('Friesland');
    expect(() => regions.province('Atlantis')).toThrow();
  });

  it('gives every crosswalk region a province', () => {
    for (const name of crosswalkNames) expect(regions.province(name)).not.toBe('');
  });
});
