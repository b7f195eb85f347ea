import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createMunicipalityResolver } from '../../../pipeline/normalise/municipality-resolver.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';

const locationsFile = fileURLToPath(new URL('../../../sources/inventories/galan2024/locations.csv', import.meta.url));
const locations = Papa.parse<Record<string, string>>(readFileSync(locationsFile, 'utf8'), { header: true, skipEmptyLines: true }).data;
const resolver = createMunicipalityResolver(loadReferenceData());

describe('De Galan 2024 Bijlage 1 (278 steunpunten)', () => {
  const outcomes = locations.map((row) => ({
    row,
    resolution: resolver.resolve({ municipality: row.municipality_as_written, place: row.city, izaRegion: row.iza_region }),
  }));

  it('has 278 rows', () => {
    expect(locations).toHaveLength(278);
  });

  it('puts every row in a municipality of the region it is listed under, except TeamED16', () => {
    const misses = outcomes
      .filter(({ resolution, row }) => !(resolution.kind === 'resolved' && resolution.izaRegion === row.iza_region))
      .map(({ row, resolution }) => ({ name: row.location_name, kind: resolution.kind }));
    expect(misses).toEqual([{ name: 'TeamED16', kind: 'region-only' }]);
  });

  it('keeps TeamED16 in Apeldoorn / Zutphen, Gelderland', () => {
    const teamEd = outcomes.find(({ row }) => row.location_name === 'TeamED16');
    expect(teamEd?.resolution).toMatchObject({ kind: 'region-only', izaRegion: 'Apeldoorn / Zutphen', province: 'Gelderland' });
  });
});
