/**
 * Whether a year's build still reflects what it was built from, so `report` never publishes
 * locations of an older import next to the rejects of a newer one. A build is stale when, after
 * it was built, something it reads changed: an import of the year, corrections or review
 * decisions (applied by every build of their year and later years), the build of an earlier year
 * (whose locations lend their ids), or the configuration (compared with the parameters the build
 * stored in build_run), and removing or restoring an import (import_event). Everything lives in
 * `staleReasons`, one query per kind of input: a new input of the build is one more query there.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { methodForYear, type MonitorConfig } from '../config/config.ts';
import type { MonitorDatabase } from '../db/database.ts';

/** UTC as stored (every timestamp is written from toISOString); shown as such to people. */
const AT = `strftime(%COLUMN%, '%Y-%m-%d %H:%M:%S') || ' UTC'`;
const at = (column: string) => AT.replace('%COLUMN%', column);

const Build = z.object({ method: z.string(), parameters: z.string(), built_at: z.string() });
const Dated = z.object({ what: z.string(), at: z.string() });

/** Why the build of `year` is stale, in Dutch; empty when it is current. Undefined when the year was never built. */
export async function staleReasons(database: MonitorDatabase, config: MonitorConfig, year: number): Promise<string[] | undefined> {
  const [build] = await database.query(
    Build,
    `SELECT method, parameters::VARCHAR AS parameters, ${at('built_at')} AS built_at FROM build_run WHERE year = $1`,
    [year],
  );
  if (!build) return undefined;
  const newer = (sql: string) => database.query(Dated, sql, [year]);
  const after = `> (SELECT built_at FROM build_run WHERE year = $1)`;
  const dated = [
    ...(await newer(
      `SELECT 'de import van bron ' || source || ' (' || file_name || ', ' || ${at('imported_at')} || ')' AS what, ${at('imported_at')} AS at
         FROM import_batch WHERE year = $1 AND imported_at ${after}`,
    )),
    // A removed import leaves no import_batch row and a restored one keeps its old imported_at: the ledger says when.
    ...(await newer(
      `SELECT CASE action WHEN 'verwijderd' THEN 'het verwijderen' ELSE 'het terugzetten' END || ' van de import van bron ' || source ||
              ' (' || file_name || ', ' || ${at('happened_at')} || ')' AS what, ${at('happened_at')} AS at
         FROM import_event WHERE year = $1 AND action IN ('verwijderd', 'teruggezet') AND happened_at ${after}`,
    )),
    ...(await newer(
      `SELECT 'de correcties uit ' || file_name || ' (' || year || ', ' || ${at('applied_at')} || ')' AS what, ${at('applied_at')} AS at
         FROM correction_file WHERE year <= $1 AND applied_at ${after}`,
    )),
    ...(await newer(
      `SELECT count(*) || ' beoordeling(en) van mogelijke dubbelen (laatste ' || ${at('max(decided_at)')} || ')' AS what, ${at('max(decided_at)')} AS at
         FROM match_verdict WHERE decided_at ${after} HAVING count(*) > 0`,
    )),
    ...(await newer(
      `SELECT 'de build van ' || year || ' (' || ${at('built_at')} || '), waarvan de locaties hun id doorgeven' AS what, ${at('built_at')} AS at
         FROM build_run WHERE year < $1 AND built_at ${after}`,
    )),
  ];
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
  const [earlier] = await database.query(z.object({ year: z.number().nullable() }), 'SELECT max(year) AS year FROM build_run WHERE year < $1', [year]);
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
