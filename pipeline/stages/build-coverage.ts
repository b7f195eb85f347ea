/**
 * Coverage per municipality, IZA-region, province and the whole country: population, EPA share
 * and count, steunpunten in view and their weighted count, and the desired number at each
 * participation level: desired(p) = population × EPA% / capacity × p (De Galan 2024, §2.4.2).
 *
 * Population of the method's year is carried onto the current municipalities through the
 * lineage table (mergers; a split spreads by the receivers' population). A municipality's EPA
 * share is its own where known, else its province's (marked `provincie` in epa_basis).
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { CoverageMethod, MonitorConfig } from '../config/config.ts';
import type { MonitorDatabase } from '../db/database.ts';

export interface ResolvedMethod {
  name: string;
  method: CoverageMethod;
  populationYear: number;
  epaYear: number;
  municipalityYear: number;
}

const YearRow = z.object({ year: z.number().nullable() });

/** Every EPA share: the bundled ones (province, 2019) and the Vektis municipal ones imported since. */
const EPA_SHARES = `(SELECT year, level, area, epa_pct FROM ref_epa_share
                    UNION ALL SELECT year, 'gemeente', gm_code, epa_pct FROM epa_municipality)`;
const EPA_OR = (table: 'ref_population' | 'epa_share') => (table === 'epa_share' ? EPA_SHARES : table);

export async function resolveMethodYears(
  database: MonitorDatabase,
  year: number,
  name: string,
  method: CoverageMethod,
): Promise<ResolvedMethod> {
  const pick = async (table: 'ref_population' | 'epa_share', wanted: number | 'latest', what: string) => {
    const [row] = wanted === 'latest'
      ? await database.query(YearRow, `SELECT max(year) AS year FROM ${EPA_OR(table)} WHERE year <= $1`, [year])
      : await database.query(YearRow, `SELECT max(year) AS year FROM ${EPA_OR(table)} WHERE year = $1`, [wanted]);
    if (row?.year == null) {
      const which = wanted === 'latest' ? `tot en met ${year}` : `voor ${wanted}`;
      throw new MonitorError(`methode '${name}': geen ${what} ${which} in de referentiegegevens`);
    }
    return row.year;
  };
  const [municipalityRow] = await database.query(YearRow, 'SELECT max(year) AS year FROM ref_municipality');
  return {
    name,
    method,
    populationYear: await pick('ref_population', method.populationYear, 'inwonertallen'),
    epaYear: await pick('epa_share', method.epaYear, 'EPA-cijfers'),
    municipalityYear: municipalityRow?.year ?? year,
  };
}

export async function buildCoverage(
  database: MonitorDatabase,
  year: number,
  resolved: ResolvedMethod,
  config: MonitorConfig,
): Promise<void> {
  const params = [year, resolved.municipalityYear, resolved.populationYear, resolved.epaYear] as const;
  await database.run(MUNICIPALITY_COVERAGE, params);
  await database.run(REGION_COVERAGE, [year]);
  const provinceCoverage =
    resolved.method.provinceShare === 'published' ? PROVINCE_COVERAGE_PUBLISHED_SHARE : PROVINCE_COVERAGE_WEIGHTED_SHARE;
  await database.run(provinceCoverage(PROVINCE_OF_LOCATION[resolved.method.provinceOfLocation]), [year, resolved.epaYear]);
  await database.run(NATIONAL_COVERAGE, [year]);
  for (const participation of config.participationPct) {
    await database.run(
      `INSERT INTO coverage_target
         SELECT year, level, area, $2, epa_count / $3 * $2 / 100 FROM coverage WHERE year = $1 AND epa_count IS NOT NULL`,
      [year, participation, config.capacityPerWeek],
    );
  }
}

/** Steunpunten per area: in view (status actief), potential, and weighted (actief only). */
const locationCounts = (areaOfLocation: string, joins = '') => `
  SELECT ${areaOfLocation} AS area,
         count(*) FILTER (WHERE l.status = 'actief')::INTEGER AS in_view,
         count(*) FILTER (WHERE l.status = 'potentieel')::INTEGER AS potential,
         coalesce(sum(l.weight) FILTER (WHERE l.status = 'actief'), 0) AS weighted
    FROM location l ${joins} WHERE l.year = $1 AND ${areaOfLocation} IS NOT NULL GROUP BY ${areaOfLocation}`;

const PROVINCE_OF_LOCATION = {
  gemeente: locationCounts('l.province'),
  'iza-regio': locationCounts('coalesce(rp.province, l.province)', 'LEFT JOIN ref_region_province rp USING (iza_region)'),
} as const;

// $1 monitor year, $2 current municipal division year, $3 population year, $4 EPA year.
const MUNICIPALITY_COVERAGE = `
  INSERT INTO coverage
  WITH current_municipality AS (SELECT gm_code, name, province FROM ref_municipality WHERE year = $2),
       population AS (
         SELECT l.gm_code, sum(p.population * l.share) AS population
           FROM ref_population p JOIN ref_lineage l ON l.from_code = p.gm_code
          WHERE p.year = $3 GROUP BY l.gm_code),
       -- A municipality's own share of the EPA year, else its province's of the latest year up to it.
       province_share AS (
         SELECT area AS province, arg_max(epa_pct, year) AS epa_pct FROM ${EPA_SHARES}
          WHERE level = 'provincie' AND year <= $4 GROUP BY area),
       municipality_share AS (SELECT area AS gm_code, epa_pct FROM ${EPA_SHARES} WHERE year = $4 AND level = 'gemeente'),
       counts AS (${locationCounts('l.gm_code')})
  SELECT $1, 'gemeente', m.gm_code, m.name, m.province, r.iza_region, 1, p.population,
         coalesce(ms.epa_pct, ps.epa_pct),
         p.population * coalesce(ms.epa_pct, ps.epa_pct) / 100,
         CASE WHEN ms.epa_pct IS NOT NULL THEN 'gemeente' WHEN ps.epa_pct IS NOT NULL THEN 'provincie' END,
         coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
    FROM current_municipality m
    LEFT JOIN population p USING (gm_code)
    LEFT JOIN ref_iza_region r USING (gm_code)
    LEFT JOIN municipality_share ms USING (gm_code)
    LEFT JOIN province_share ps ON ps.province = m.province
    LEFT JOIN counts c ON c.area = m.gm_code`;

const REGION_COVERAGE = `
  INSERT INTO coverage
  WITH municipalities AS (
         SELECT iza_region, count(*)::INTEGER AS municipalities, sum(population) AS population, sum(epa_count) AS epa_count,
                string_agg(DISTINCT epa_basis, '+' ORDER BY epa_basis) AS epa_basis
           FROM coverage WHERE year = $1 AND level = 'gemeente' GROUP BY iza_region),
       counts AS (${locationCounts('l.iza_region')})
  SELECT $1, 'iza_regio', r.iza_region, r.iza_region, r.province, r.iza_region, m.municipalities, m.population,
         m.epa_count / m.population * 100, m.epa_count, m.epa_basis,
         coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
    FROM ref_region_province r
    LEFT JOIN municipalities m USING (iza_region)
    LEFT JOIN counts c ON c.area = r.iza_region`;

const provinceCoverage = (epaPct: string, epaCount: string, epaBasis: string) => (counts: string) => `
  INSERT INTO coverage
  WITH municipalities AS (
         SELECT province, count(*)::INTEGER AS municipalities, sum(population) AS population, sum(epa_count) AS epa_count,
                string_agg(DISTINCT epa_basis, '+' ORDER BY epa_basis) AS epa_basis
           FROM coverage WHERE year = $1 AND level = 'gemeente' GROUP BY province),
       province_share AS (
         SELECT area AS province, arg_max(epa_pct, year) AS epa_pct FROM ${EPA_SHARES}
          WHERE level = 'provincie' AND year <= $2 GROUP BY area),
       counts AS (${counts})
  SELECT $1, 'provincie', m.province, m.province, m.province, NULL, m.municipalities, m.population,
         ${epaPct}, ${epaCount}, ${epaBasis},
         coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
    FROM municipalities m
    LEFT JOIN province_share ps USING (province)
    LEFT JOIN counts c ON c.area = m.province`;

/** The province's share as published (De Galan: the unweighted mean of its municipalities). */
const PROVINCE_COVERAGE_PUBLISHED_SHARE = provinceCoverage(
  'ps.epa_pct',
  'm.population * ps.epa_pct / 100',
  `CASE WHEN ps.epa_pct IS NOT NULL THEN 'provincie' END`,
);

/** The province's share as the population-weighted mean of its municipalities' shares. */
const PROVINCE_COVERAGE_WEIGHTED_SHARE = provinceCoverage('m.epa_count / m.population * 100', 'm.epa_count', 'm.epa_basis');

/** The whole country: desired numbers follow from the national EPA count, not from rounded provinces. */
const NATIONAL_COVERAGE = `
  INSERT INTO coverage
  WITH provinces AS (
         SELECT sum(municipalities)::INTEGER AS municipalities, sum(population) AS population, sum(epa_count) AS epa_count,
                string_agg(DISTINCT epa_basis, '+' ORDER BY epa_basis) AS epa_basis
           FROM coverage WHERE year = $1 AND level = 'provincie'),
       counts AS (
         SELECT count(*) FILTER (WHERE status = 'actief')::INTEGER AS in_view,
                count(*) FILTER (WHERE status = 'potentieel')::INTEGER AS potential,
                coalesce(sum(weight) FILTER (WHERE status = 'actief'), 0) AS weighted
           FROM location WHERE year = $1)
  SELECT $1, 'nederland', 'NL', 'Nederland', NULL, NULL, p.municipalities, p.population,
         p.epa_count / p.population * 100, p.epa_count, p.epa_basis, c.in_view, c.potential, c.weighted
    FROM provinces p, counts c`;
