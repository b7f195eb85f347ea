/**
 * How people write fields in the lists they send (/work/shared/REAL-SHAPES.md, "Lists from regions
 * and organisations"): postcodes as "1234-AB", municipalities as "Gemeente Utrecht", visitors as
 * "ca. 40". Applied to bron-a after rendering, with a random stream of its own, so every other
 * draw (and so every other field) stays as it was for the same seed.
 */
import type { Random } from './random.ts';

export const REAL_SHAPE_RATES = {
  /** "1234 AB" written "1234-AB". */
  postcodeWithHyphen: 0.1,
  /** "Utrecht" written "Gemeente Utrecht". */
  municipalityWithPrefix: 0.05,
  /** "40" written "ca. 40". */
  visitorsApproximate: 0.1,
} as const;

/** bron-a's columns: naam, organisatie, adres, postcode, plaats, gemeente, IZA-regio, bezoekers per week, status. */
const [POSTCODE, MUNICIPALITY, VISITORS] = [3, 5, 7];

export function withRealShapes(cells: readonly string[], random: Random): string[] {
  const shaped = [...cells];
  const postcode = shaped[POSTCODE] ?? '';
  if (/^\d{4} [A-Z]{2}$/.test(postcode) && random.chance(REAL_SHAPE_RATES.postcodeWithHyphen)) shaped[POSTCODE] = postcode.replace(' ', '-');
  const municipality = shaped[MUNICIPALITY] ?? '';
  if (municipality !== '' && random.chance(REAL_SHAPE_RATES.municipalityWithPrefix)) shaped[MUNICIPALITY] = `Gemeente ${municipality}`;
  const visitors = shaped[VISITORS] ?? '';
  if (/^\d+$/.test(visitors) && random.chance(REAL_SHAPE_RATES.visitorsApproximate)) shaped[VISITORS] = `ca. ${visitors}`;
  return shaped;
}
