import type { ReferenceData } from '../../sources/reference/load.ts';

/** Population per code in the latest year that population.csv has for that code. */
export function lastKnownPopulation(reference: ReferenceData): Map<string, number> {
  const latest = new Map<string, { year: number; population: number }>();
  for (const row of reference.population) {
    const known = latest.get(row.gm_code);
    if (known === undefined || row.year > known.year) latest.set(row.gm_code, row);
  }
  return new Map([...latest].map(([code, { population }]) => [code, population]));
}
