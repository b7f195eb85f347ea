/**
 * Copies the bundled reference data into the `ref_*` tables, once per bundle version: the
 * bundle's fingerprint is kept in `meta`, so a database built with older reference data is
 * refreshed automatically and an up-to-date one is left alone.
 */
import type { ReferenceData } from '../../sources/reference/load.ts';
import type { MunicipalityResolver } from '../normalise/municipality-resolver.ts';
import type { IzaRegionIndex } from '../normalise/iza-region.ts';
import type { MonitorDatabase } from './database.ts';

const REF_TABLES = [
  'ref_municipality',
  'ref_population',
  'ref_lineage',
  'ref_iza_region',
  'ref_region_province',
  'ref_epa_share',
  'ref_pc4',
  'ref_centroid',
] as const;

export async function ensureReferenceTables(
  database: MonitorDatabase,
  reference: ReferenceData,
  resolver: MunicipalityResolver,
  regions: IzaRegionIndex,
): Promise<void> {
  if ((await database.getMeta('reference_fingerprint')) === reference.fingerprint) return;
  await database.transaction(async () => {
    for (const table of REF_TABLES) await database.run(`DELETE FROM ${table}`);
    await database.insert(
      'ref_municipality',
      [...reference.municipalities].flatMap(([year, rows]) => rows.map((row) => [year, row.gm_code, row.name, row.province])),
    );
    await database.insert(
      'ref_population',
      reference.population.map((row) => [row.year, row.gm_code, row.name, row.population]),
    );
    await database.insert('ref_lineage', lineageRows(reference, resolver));
    await database.insert(
      'ref_iza_region',
      reference.izaRegions.map((row) => [row.gm_code, row.iza_region, row.confidence]),
    );
    const regionNames = [...new Set(reference.izaRegions.map((row) => row.iza_region))].sort();
    await database.insert(
      'ref_region_province',
      regionNames.map((region) => [region, regions.province(region)]),
    );
    await database.insert(
      'ref_epa_share',
      reference.epaShares.map((row) => [row.year, row.level, row.area, row.epa_pct, row.source]),
    );
    await database.insert('ref_pc4', reference.pc4.map((row) => [row.pc4, row.lat, row.lon, row.gm_code, row.woonplaats]));
    await database.insert('ref_centroid', reference.centroids.map((row) => [row.gm_code, row.lat, row.lon]));
    await database.setMeta('reference_fingerprint', reference.fingerprint);
  });
}

/** Every code that occurs in any bundled year or merger, mapped to the current code(s) it lives on in. */
function lineageRows(reference: ReferenceData, resolver: MunicipalityResolver): (string | number)[][] {
  const codes = new Set<string>();
  for (const rows of reference.municipalities.values()) for (const row of rows) codes.add(row.gm_code);
  for (const row of reference.changes) codes.add(row.old_gm_code);
  for (const row of reference.population) codes.add(row.gm_code);
  return [...codes]
    .sort()
    .flatMap((code) => resolver.currentCodes(code).map(({ gmCode, share }) => [code, gmCode, share]));
}
