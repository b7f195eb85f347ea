import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { rowCheck } from '../../sources/row-check.ts';
import { Pc4Row, PopulationRow } from '../../sources/schema.ts';

const pc4 = { pc4: '1011', lat: '52.37298', lon: '4.90396', gm_code: 'GM0363', gm_name: 'Amsterdam', gemeente_2014: 'Amsterdam', woonplaats: 'Amsterdam' };

describe('a reference row checked field by field', () => {
  it('gives what zod gives for a valid row, unknown columns left out, in the schema key order', () => {
    const check = rowCheck(Pc4Row);
    const row = { extra: 'x', ...pc4 };
    for (let round = 0; round < 2; round += 1) {
      const result = check(row);
      expect(result).toEqual(Pc4Row.safeParse(row));
      expect(Object.keys(result.data ?? {})).toEqual(Object.keys(Pc4Row.safeParse(row).data ?? {}));
    }
  });

  it("refuses with zod's own issue, also for a text another field accepted and a text seen valid before", () => {
    const check = rowCheck(PopulationRow);
    expect(check({ gm_code: 'GM0363', name: 'Amsterdam', year: '2024', population: '900000' }).success).toBe(true);
    const negative = { gm_code: 'GM0363', name: 'Amsterdam', year: '2024', population: '-1' };
    expect(check(negative)).toEqual(PopulationRow.safeParse(negative));
    expect(check(negative).error?.issues[0]?.path).toEqual(['population']);
    // '2024' is a valid year, not a valid GM code.
    const badCode = { gm_code: '2024', name: 'Amsterdam', year: '2024', population: '1' };
    expect(check(badCode).success).toBe(false);
    expect(check(badCode).error?.issues).toEqual(PopulationRow.safeParse(badCode).error?.issues);
  });

  it('parses a row with a missing column whole', () => {
    const check = rowCheck(Pc4Row);
    const { woonplaats: _, ...missing } = pc4;
    expect(check(missing).error?.issues).toEqual(Pc4Row.safeParse(missing).error?.issues);
  });

  it('parses every row whole when the schema has a rule across fields', () => {
    const Pair = z.object({ from: z.string(), to: z.string() }).refine((pair) => pair.from !== pair.to, { error: 'van en naar gelijk' });
    const check = rowCheck(Pair);
    expect(check({ from: 'a', to: 'b' })).toEqual(Pair.safeParse({ from: 'a', to: 'b' }));
    expect(check({ from: 'a', to: 'a' }).error?.issues).toEqual(Pair.safeParse({ from: 'a', to: 'a' }).error?.issues);
  });
});
