/**
 * The division of municipalities into provinces and IZA-regions that a year's coverage is built on
 * (pipeline/build/build-coverage: the latest municipalities of the reference data, each with its
 * IZA-region), read from the reference data before any year is built: the report's worker projects
 * the site's maps of it meanwhile (site-map.ts, prepareMapViews).
 */
import { currentMunicipalities, type ReferenceData } from '../../sources/reference/load.ts';
import type { DivisionRow } from './site-map.ts';

export function referenceDivision(reference: ReferenceData): DivisionRow[] {
  const regions = new Map(reference.izaRegions.map((row) => [row.gm_code, row.iza_region]));
  return currentMunicipalities(reference).rows.map((row) => [row.gm_code, row.province, regions.get(row.gm_code) ?? null]);
}
