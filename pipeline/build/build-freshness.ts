/**
 * Whether a year's build still reflects what it was built from, so `report` never publishes
 * locations of an older import next to the rejects of a newer one. A build is stale when, after
 * it was built, something it reads changed: an import of the year, corrections or review
 * decisions (applied by every build of their year and later years), the build of an earlier year
 * (whose locations lend their ids), or the configuration (compared with the parameters the build
 * stored in build_run), and removing or restoring an import (import_event). Everything dated lives
 * in one query (`build-freshness/inputs-newer-than-build.sql`, one part per kind of input).
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorConfig } from '../../sources/settings/monitor-config.ts';
import { methodForYear } from '../config/config.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';

const BUILD_OF_YEAR = sql('build/build-freshness/build-of-year.sql');
const INPUTS_NEWER_THAN_BUILD = sql('build/build-freshness/inputs-newer-than-build.sql');
const LATEST_BUILD_BEFORE = sql('build/build-freshness/latest-build-before.sql');

const Build = z.object({ method: z.string(), parameters: z.string(), built_at: z.string() });
const Dated = z.object({ what: z.string(), at: z.string() });

/** Why the build of `year` is stale, in Dutch; empty when it is current. Undefined when the year was never built. */
export async function staleReasons(database: MonitorDatabase, config: MonitorConfig, year: number): Promise<string[] | undefined> {
  const [build] = await database.query(Build, BUILD_OF_YEAR, { year });
  if (!build) return undefined;
  const dated = await database.query(Dated, INPUTS_NEWER_THAN_BUILD, { year });
  const changed = changedParameters(build, config, year);
  return [
    ...dated.sort((a, b) => a.at.localeCompare(b.at) || a.what.localeCompare(b.what)).map((row) => row.what),
    ...(changed.length === 0 ? [] : [`de configuratie (gewijzigd: ${changed.join(', ')})`]),
  ];
}

/** The configuration keys whose current value differs from the value the build used. */
function changedParameters(build: z.infer<typeof Build>, config: MonitorConfig, year: number): string[] {
  const { name, method } = methodForYear(config, year);
  const stored: unknown = JSON.parse(build.parameters);
  const used = z.record(z.string(), z.unknown()).parse(stored);
  const current: Record<string, unknown> = { ...config, method };
  const changed = Object.keys(used).filter((key) => !isDeepStrictEqual(used[key], current[key]));
  if (build.method !== name) changed.push(`years.${year}.method`);
  return changed.map((key) => (key === 'method' ? `methods.${name}` : key));
}

/**
 * Refuses a report of `year` from a build that is missing or stale, and of the earlier year it is
 * compared with (its figures and changes are in the report too), saying what changed and which
 * builds to run.
 */
export async function assertReportable(database: MonitorDatabase, config: MonitorConfig, year: number): Promise<void> {
  const [earlier] = await database.query(z.object({ year: z.number().nullable() }), LATEST_BUILD_BEFORE, { year });
  const years = earlier?.year == null ? [year] : [year, earlier.year];
  const problems: string[] = [];
  const rebuild: number[] = [];
  for (const candidate of years) {
    const which = candidate === year ? `${candidate}` : `${candidate} (waarmee ${year} wordt vergeleken)`;
    const reasons = await staleReasons(database, config, candidate);
    if (reasons === undefined) problems.push(`monitor ${which} is nog niet gebouwd`);
    else if (reasons.length > 0) problems.push(`de build van ${which} is ouder dan ${reasons.join('; ')}`);
    else continue;
    rebuild.push(candidate);
  }
  if (rebuild.length === 0) return;
  // A rebuilt earlier year makes this year's build stale in turn (its ids come from the earlier one).
  if (!rebuild.includes(year)) rebuild.push(year);
  rebuild.sort((a, b) => a - b);
  const commands = rebuild.map((candidate) => `'lsp-monitor build --year ${candidate}'`).join(' en daarna ');
  const sentences = problems.map((problem, index) => (index === 0 ? problem : problem[0]!.toUpperCase() + problem.slice(1)));
  throw new MonitorError(`${sentences.join('. ')}; gebruik eerst ${commands}`);
}
