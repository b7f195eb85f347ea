/**
 * Copies the bundled reference data into the `ref_*` tables, once per bundle version: the
 * bundle's fingerprint is kept in `meta`, so a database built with older reference data is
 * refreshed automatically and an up-to-date one is left alone.
 */
import type { ReferenceData } from '../../sources/reference/load.ts';
import type { MunicipalityResolver } from '../normalise/municipality-resolver.ts';
import type { IzaRegionIndex } from '../normalise/iza-region.ts';
import type { MonitorDatabase } from './database.ts';
import { sql } from './sql-file.ts';
import type { NewRow } from './tables.ts';

const CLEAR_REFERENCE_TABLES = sql('db/reference-tables/clear.sql');

export async function ensureReferenceTables(
  database: MonitorDatabase,
  reference: ReferenceData,
  resolver: MunicipalityResolver,
  regions: IzaRegionIndex,
): Promise<void> {
  if ((await database.getMeta('reference_fingerprint')) === reference.fingerprint) return;
  await database.transaction(async () => {
    await database.runStatements(CLEAR_REFERENCE_TABLES);
    await database.append(
      'ref_municipality',
      [...reference.municipalities].flatMap(([year, rows]) => rows.map((row) => ({ year, gm_code: row.gm_code, name: row.name, province: row.province }))),
    );
    await database.append(
      'ref_population',
      reference.population.map((row) => ({ year: row.year, gm_code: row.gm_code, name: row.name, population: row.population })),
    );
    await database.append('ref_lineage', lineageRows(reference, resolver));
    await database.append(
      'ref_iza_region',
      reference.izaRegions.map((row) => ({ gm_code: row.gm_code, iza_region: row.iza_region, confidence: row.confidence })),
    );
    const regionNames = [...new Set(reference.izaRegions.map((row) => row.iza_region))].sort();
    await database.append(
      'ref_region_province',
      regionNames.map((region) => ({ iza_region: region, province: regions.province(region) })),
    );
    await database.append(
      'ref_epa_share',
      reference.epaShares.map((row) => ({ year: row.year, level: row.level, area: row.area, epa_pct: row.epa_pct, source: row.source })),
    );
    await database.append(
      'ref_pc4',
      reference.pc4.map((row) => ({ pc4: row.pc4, lat: row.lat, lon: row.lon, gm_code: row.gm_code, woonplaats: row.woonplaats })),
    );
    await database.append('ref_centroid', reference.centroids.map((row) => ({ gm_code: row.gm_code, lat: row.lat, lon: row.lon })));
    await database.setMeta('reference_fingerprint', reference.fingerprint);
  });
}

/** Every code that occurs in any bundled year or merger, mapped to the current code(s) it lives on in. */
function lineageRows(reference: ReferenceData, resolver: MunicipalityResolver): NewRow<'ref_lineage'>[] {
  const codes = new Set<string>();
  for (const rows of reference.municipalities.values()) for (const row of rows) codes.add(row.gm_code);
  for (const row of reference.changes) codes.add(row.old_gm_code);
  for (const row of reference.population) codes.add(row.gm_code);
  return [...codes]
    .sort()
    .flatMap((code) => resolver.currentCodes(code).map(({ gmCode, share }) => ({ from_code: code, gm_code: gmCode, share })));
}
