import { describe, expect, it } from 'vitest';
import { createMunicipalityResolver } from '../../../pipeline/normalise/municipality-resolver.ts';
import { createCurrentCodes } from '../../../pipeline/normalise/municipality-succession.ts';
import { loadReferenceData, type ReferenceData } from '../../../sources/reference/load.ts';

const reference = loadReferenceData();
const { currentCodes } = createMunicipalityResolver(reference);

describe('currentCodes on the bundled changes', () => {
  it('returns a current code itself', () => {
    expect(currentCodes('GM0363')).toEqual([{ gmCode: 'GM0363', share: 1 }]);
  });

  it('follows a merger to its one receiver', () => {
    expect(currentCodes('GM0058')).toEqual([{ gmCode: 'GM1970', share: 1 }]);
    expect(currentCodes('GM0457')).toEqual([{ gmCode: 'GM0363', share: 1 }]);
  });

  it('returns all four receivers of Haaren (GM0788), weighted by their population', () => {
    const parts = currentCodes('GM0788');
    expect(parts.map((part) => part.gmCode).sort()).toEqual(['GM0757', 'GM0824', 'GM0855', 'GM0865']);
    expect(parts.reduce((sum, part) => sum + part.share, 0)).toBeCloseTo(1, 12);
    const population2024 = new Map(reference.population.filter((row) => row.year === 2024).map((row) => [row.gm_code, row.population]));
    const total = parts.reduce((sum, part) => sum + (population2024.get(part.gmCode) ?? 0), 0);
    for (const part of parts) expect(part.share).toBeCloseTo((population2024.get(part.gmCode) ?? 0) / total, 12);
  });

  it('returns nothing for a code CBS never had', () => {
    expect(currentCodes('GM9999')).toEqual([]);
  });

  it('has no chain in the bundled table: every receiver is a current code', () => {
    const current = new Set(reference.municipalities.get(2025)?.map((row) => row.gm_code));
    for (const change of reference.changes) expect(current.has(change.new_gm_code)).toBe(true);
  });
});

describe('currentCodes on a chain (constructed data)', () => {
  // GM0001 and GM0002 merge into GM0010 in 2019; GM0010 is split over GM0020 and GM0003 in 2021.
  const row = (gm_code: string, name: string) => ({ gm_code, name, province: 'Testland' });
  const change = (old_gm_code: string, new_gm_code: string, effective_date: string) => ({
    old_gm_code,
    old_name: old_gm_code,
    new_gm_code,
    new_name: new_gm_code,
    effective_date,
  });
  const chained: ReferenceData = {
    municipalities: new Map([
      [2019, [row('GM0001', 'Een'), row('GM0002', 'Twee'), row('GM0003', 'Drie')]],
      [2025, [row('GM0003', 'Drie'), row('GM0020', 'Twintig')]],
    ]),
    changes: [
      change('GM0001', 'GM0010', '2019-01-01'),
      change('GM0002', 'GM0010', '2019-01-01'),
      change('GM0010', 'GM0020', '2021-01-01'),
      change('GM0010', 'GM0003', '2021-01-01'),
    ],
    population: [
      { gm_code: 'GM0003', name: 'Drie', year: 2024, population: 100 },
      { gm_code: 'GM0020', name: 'Twintig', year: 2024, population: 300 },
    ],
    pc4: [],
    centroids: [],
    izaRegions: [],
    epaShares: [],
    fingerprint: 'test',
  };
  const chainedCodes = createCurrentCodes(chained);

  it('follows a merger and then a split to the current codes', () => {
    expect(chainedCodes('GM0001')).toEqual([
      { gmCode: 'GM0020', share: 0.75 },
      { gmCode: 'GM0003', share: 0.25 },
    ]);
    expect(chainedCodes('GM0010')).toEqual(chainedCodes('GM0002'));
  });
});
