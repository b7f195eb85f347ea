/**
 * Taking corrections in: storing them and rebuilding every built year they affect is one
 * transaction, so a failed or killed run leaves the database before or after, never with the
 * corrections stored and the monitor built without them. A file taken in before counts as done
 * only when every build it affects is newer than it (a database left by the earlier
 * two-transaction version is repaired by rebuilding).
 */
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES } from '../db/tables.ts';
import { buildYear, type BuildSummary } from '../build/build-year.ts';
import { storeCorrections } from './store.ts';
import { pauseForTest } from '../test-pause.ts';
import type { Correction } from './types.ts';

const BUILDS_AFTER = sql('corrections/apply/builds-after.sql');
const APPLIED_AT = sql('corrections/apply/applied-at.sql');
const BUILDS_SINCE = sql('corrections/apply/builds-since.sql');

const BuiltYear = TABLES.build_run.pick({ year: true });

export interface CorrectionsFile {
  year: number;
  name: string;
  sha256: string;
}

export type AppliedCorrections =
  | { outcome: 'applied'; changes: number; builds: BuildSummary[] }
  /** Stored before, but a build it affects was older than it: rebuilt now. */
  | { outcome: 'rebuilt'; builds: BuildSummary[] }
  | { outcome: 'already-applied' };

/** Stores `changes` and rebuilds; for a file taken in before, `changes` is not used. */
export async function applyCorrections(
  database: MonitorDatabase,
  context: MonitorContext,
  file: CorrectionsFile,
  changes: readonly Correction[],
): Promise<AppliedCorrections> {
  const applied = await database.transaction(async (): Promise<AppliedCorrections> => {
    const stale = await staleYears(database, file);
    if (stale !== null) {
      if (stale.length === 0) return { outcome: 'already-applied' };
      return { outcome: 'rebuilt', builds: await rebuild(database, context, stale) };
    }
    const stored = await storeCorrections(database, context, file, changes);
    await pauseForTest('correcties-bewaard');
    const builds = await rebuild(database, context, await affectedYears(database, file.year));
    await pauseForTest('correcties-gebouwd');
    return { outcome: 'applied', changes: stored.changes, builds };
  });
  await pauseForTest('correcties-vastgelegd');
  return applied;
}

async function rebuild(database: MonitorDatabase, context: MonitorContext, years: readonly number[]): Promise<BuildSummary[]> {
  const builds: BuildSummary[] = [];
  for (const year of years) builds.push(await buildYear(database, context, year));
  return builds;
}

/** The corrected year and every later year that has a build: corrections hold for later years too. */
async function affectedYears(database: MonitorDatabase, year: number): Promise<number[]> {
  const later = await database.query(BuiltYear, BUILDS_AFTER, { year });
  return [year, ...later.map((row) => row.year)];
}

/**
 * null when the file was never taken in for its year; otherwise the affected years whose build
 * is missing or older than the file (empty: all of them contain it).
 */
async function staleYears(database: MonitorDatabase, file: CorrectionsFile): Promise<number[] | null> {
  const [stored] = await database.query(TABLES.correction_file.pick({ applied_at: true }), APPLIED_AT, { year: file.year, sha256: file.sha256 });
  if (stored === undefined) return null;
  const current = await database.query(BuiltYear, BUILDS_SINCE, { year: file.year, since: stored.applied_at });
  const upToDate = new Set(current.map((row) => row.year));
  return (await affectedYears(database, file.year)).filter((year) => !upToDate.has(year));
}
