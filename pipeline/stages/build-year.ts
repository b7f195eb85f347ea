/**
 * Build: from a year's imported records to its locations and coverage tables, in one
 * transaction, replacing the previous build of that year.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { methodForYear } from '../config/config.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { ensureReferenceTables } from '../db/reference-tables.ts';
import { buildAccessibility } from './build-accessibility.ts';
import { buildCoverage, resolveMethodYears } from './build-coverage.ts';
import { buildLocations } from './build-locations.ts';

export interface BuildSummary {
  year: number;
  method: string;
  locations: number;
  inView: number;
  weighted: number;
}

const BUILD_TABLES = [
  'location', 'location_member', 'organisation', 'match_pair', 'coverage', 'coverage_target',
  'accessibility', 'reach', 'white_spot', 'build_run',
] as const;

export async function buildYear(database: MonitorDatabase, context: MonitorContext, year: number): Promise<BuildSummary> {
  await ensureReferenceTables(database, context.reference, context.resolver, context.regions);
  const [imported] = await database.query(
    z.object({ batches: z.number() }),
    'SELECT count(*)::INTEGER AS batches FROM import_batch WHERE year = $1',
    [year],
  );
  if (!imported?.batches) {
    throw new MonitorError(`er zijn geen gegevens voor ${year} geïmporteerd; gebruik eerst 'lsp-monitor import <bestand> --year ${year}'`);
  }
  const { name, method } = methodForYear(context.config, year);
  const resolved = await resolveMethodYears(database, year, name, method);
  const { config } = context;

  const locations = await database.transaction(async () => {
    for (const table of BUILD_TABLES) await database.run(`DELETE FROM ${table} WHERE year = $1`, [year]);
    const count = await buildLocations(database, year, context);
    await buildCoverage(database, year, resolved, config);
    await buildAccessibility(database, context, year);
    const parameters = {
      capacityPerWeek: config.capacityPerWeek,
      participationPct: config.participationPct,
      weights: config.weights,
      sizeThresholds: config.sizeThresholds,
      distance: config.distance,
      method,
    };
    await database.insert('build_run', [
      [year, name, resolved.populationYear, resolved.epaYear, JSON.stringify(parameters), new Date().toISOString()],
    ]);
    return count;
  });

  const [national] = await database.query(
    z.object({ in_view: z.number(), weighted: z.number() }),
    `SELECT in_view, weighted FROM coverage WHERE year = $1 AND level = 'nederland'`,
    [year],
  );
  return { year, method: name, locations, inView: national?.in_view ?? 0, weighted: national?.weighted ?? 0 };
}
