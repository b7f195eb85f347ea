/**
 * What the build stores in dist/ beside the bundle (build.mjs, once the bundle is written): the
 * reference data parsed and checked, and every map of the reference data's division projected (the
 * site's and the distance map's). A run reads them instead of computing them while
 * sources/reference/precomputed.ts says it may. The data files they are made of are inputs of the
 * build's manifest, beside the sources, so a changed file makes the bin build again.
 */
import { coverageMapToStore } from '../../outputs/figures/coverage-map.ts';
import { MUNICIPALITY_TOPOLOGY_FILE } from '../../outputs/figures/municipality-topology.ts';
import { referenceDivision } from '../../outputs/site/reference-division.ts';
import { divisionOfRows, siteMapsToStore } from '../../outputs/site/site-map.ts';
import { MUNICIPALITY_YEARS, readReferenceData, REFERENCE_FILES, referenceDataBytes } from '../../sources/reference/load.ts';
import { PRECOMPUTED_FILES } from '../../sources/reference/precomputed.ts';

/** Absolute paths of the data files the precomputed results are made of. */
export const PRECOMPUTED_INPUTS: readonly string[] = [
  ...MUNICIPALITY_YEARS.map((year) => REFERENCE_FILES.municipalities(year)),
  ...Object.values(REFERENCE_FILES).filter((file): file is string => typeof file === 'string'),
  MUNICIPALITY_TOPOLOGY_FILE,
];

export const PRECOMPUTED_NAMES: readonly string[] = Object.values(PRECOMPUTED_FILES);

/** Throws as a run would (MonitorError with file, row and field) when a reference file is broken. */
export function precomputedFiles(): { name: string; contents: Uint8Array | string }[] {
  const reference = readReferenceData();
  const rows = referenceDivision(reference);
  return [
    { name: PRECOMPUTED_FILES.reference, contents: referenceDataBytes(reference) },
    { name: PRECOMPUTED_FILES.siteMaps, contents: siteMapsToStore(divisionOfRows(rows)) },
    { name: PRECOMPUTED_FILES.coverageMap, contents: coverageMapToStore(Object.fromEntries(rows.map(([code, province]) => [code, province]))) },
  ];
}
