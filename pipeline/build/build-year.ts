/**
 * Build: from a year's imported records to its locations and coverage tables, in one
 * transaction, replacing the previous build of that year.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { methodForYear } from '../config/config.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES } from '../db/tables.ts';
import { ensureReferenceTables } from '../db/reference-tables.ts';
import { buildAccessibility } from './build-accessibility.ts';
import { buildCoverage, resolveMethodYears } from './build-coverage.ts';
import { markPhase } from '../phase-mark.ts';
import { buildLocations } from './build-locations.ts';
import { checkBuildKeys } from './check-build-keys.ts';
import { releaseHeap } from './release-heap.ts';
import { pauseForTest } from '../test-pause.ts';

export interface BuildSummary {
  year: number;
  method: string;
  locations: number;
  inView: number;
  weighted: number;
}

const IMPORT_BATCH_COUNT = sql('build/build-year/import-batch-count.sql');
const CLEAR_BUILD = sql('build/build-year/clear-build.sql');
const NATIONAL_SUMMARY = sql('build/build-year/national-summary.sql');

export async function buildYear(database: MonitorDatabase, context: MonitorContext, year: number): Promise<BuildSummary> {
  await ensureReferenceTables(database, context.reference, context.resolver, context.regions);
  const [imported] = await database.query(z.object({ batches: z.number() }), IMPORT_BATCH_COUNT, { year });
  if (!imported?.batches) {
    throw new MonitorError(`er zijn geen gegevens voor ${year} geïmporteerd; gebruik eerst 'lsp-monitor import <bestand> --year ${year}'`);
  }
  const { name, method } = methodForYear(context.config, year);
  const resolved = await resolveMethodYears(database, year, name, method);
  const { config } = context;

  const locations = await database.transaction(async () => {
    await database.runStatements(CLEAR_BUILD, { year });
    const count = await buildLocations(database, year, context);
    await checkBuildKeys(database, year);
    // The year's records and the location plan are garbage once the locations are written.
    releaseHeap();
    markPhase('coverage');
    await buildCoverage(database, year, resolved, config);
    markPhase('accessibility');
    await buildAccessibility(database, context, year);
    await pauseForTest('build-in-transactie');
    markPhase('finish');
    const parameters = {
      capacityPerWeek: config.capacityPerWeek,
      participationPct: config.participationPct,
      weights: config.weights,
      sizeThresholds: config.sizeThresholds,
      distance: config.distance,
      method,
    };
    await database.append('build_run', [
      {
        year,
        method: name,
        population_year: resolved.populationYear,
        epa_year: resolved.epaYear,
        parameters: JSON.stringify(parameters),
        built_at: new Date().toISOString(),
      },
    ]);
    return count;
  });
  // What follows a build (the report's read) starts from the live heap, not the build's garbage.
  releaseHeap();

  const [national] = await database.query(TABLES.coverage.pick({ in_view: true, weighted: true }), NATIONAL_SUMMARY, { year });
  return { year, method: name, locations, inView: national?.in_view ?? 0, weighted: national?.weighted ?? 0 };
}
