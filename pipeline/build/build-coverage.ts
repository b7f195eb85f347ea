/**
 * Coverage per municipality, IZA-region, province and the whole country: population, EPA share
 * and count, steunpunten in view and their weighted count, and the desired number at each
 * participation level: desired(p) = population × EPA% / capacity × p (De Galan 2024, §2.4.2).
 *
 * Population of the method's year is carried onto the current municipalities through the
 * lineage table (mergers; a split spreads by the receivers' population). A municipality's EPA
 * share is its own where known, else its province's (marked `provincie` in epa_basis).
 *
 * Every sum of fractional numbers adds in a fixed order (ORDER BY inside the aggregate): the
 * physical order of the rows differs between databases and runs, and floating-point addition
 * is not associative, so the 16th digit of a total depended on the database's history.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { CoverageMethod, MonitorConfig } from '../../sources/settings/monitor-config.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { checkKeys } from './check-keys.ts';

export interface ResolvedMethod {
  name: string;
  method: CoverageMethod;
  populationYear: number;
  epaYear: number;
  municipalityYear: number;
}

const YearRow = z.object({ year: z.number().nullable() });

const MAX_POPULATION_YEAR = sql('build/build-coverage/max-population-year.sql');
const MAX_EPA_YEAR = sql('build/build-coverage/max-epa-year.sql');
const MAX_MUNICIPALITY_YEAR = sql('build/build-coverage/max-municipality-year.sql');
const LOCATION_COUNTS = sql('build/build-coverage/location-counts.sql');
const DROP_LOCATION_COUNTS = sql('build/build-coverage/drop-location-counts.sql');
const MUNICIPALITY_COVERAGE = sql('build/build-coverage/municipality-coverage.sql');
const REGION_COVERAGE = sql('build/build-coverage/region-coverage.sql');
const PROVINCE_COVERAGE = sql('build/build-coverage/province-coverage.sql');
const NATIONAL_COVERAGE = sql('build/build-coverage/national-coverage.sql');
const COVERAGE_TARGET = sql('build/build-coverage/coverage-target.sql');
const REPEATED_KEYS = sql('build/build-coverage/repeated-keys.sql');

/** What each table's key is, as a person reads it in the error of a key held twice. */
const KEY_NAMES = { coverage: 'hetzelfde gebied', coverage_target: 'hetzelfde gebied en deelnamepercentage' };

export async function resolveMethodYears(
  database: MonitorDatabase,
  year: number,
  name: string,
  method: CoverageMethod,
): Promise<ResolvedMethod> {
  const pick = async (query: string, wanted: number | 'latest', what: string) => {
    // Years are positive, so 0 leaves the range open below.
    const range = wanted === 'latest' ? { first: 0, last: year } : { first: wanted, last: wanted };
    const [row] = await database.query(YearRow, query, range);
    if (row?.year == null) {
      const which = wanted === 'latest' ? `tot en met ${year}` : `voor ${wanted}`;
      throw new MonitorError(`methode '${name}': geen ${what} ${which} in de referentiegegevens`);
    }
    return row.year;
  };
  const [municipalityRow] = await database.query(YearRow, MAX_MUNICIPALITY_YEAR);
  return {
    name,
    method,
    populationYear: await pick(MAX_POPULATION_YEAR, method.populationYear, 'inwonertallen'),
    epaYear: await pick(MAX_EPA_YEAR, method.epaYear, 'EPA-cijfers'),
    municipalityYear: municipalityRow?.year ?? year,
  };
}

export async function buildCoverage(
  database: MonitorDatabase,
  year: number,
  resolved: ResolvedMethod,
  config: MonitorConfig,
): Promise<void> {
  await database.run(LOCATION_COUNTS, { year, province_of_location: resolved.method.provinceOfLocation });
  await database.run(MUNICIPALITY_COVERAGE, {
    year,
    municipality_year: resolved.municipalityYear,
    population_year: resolved.populationYear,
    epa_year: resolved.epaYear,
  });
  await database.run(REGION_COVERAGE, { year });
  await database.run(PROVINCE_COVERAGE, {
    year,
    epa_year: resolved.epaYear,
    published_share: resolved.method.provinceShare === 'published',
  });
  await database.run(NATIONAL_COVERAGE, { year });
  await database.run(DROP_LOCATION_COUNTS);
  for (const participation of config.participationPct) {
    await database.run(COVERAGE_TARGET, { year, participation_pct: participation, capacity_per_week: config.capacityPerWeek });
  }
  await checkKeys(database, year, REPEATED_KEYS, KEY_NAMES);
}
