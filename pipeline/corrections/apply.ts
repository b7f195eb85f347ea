/**
 * Taking corrections in: storing them and rebuilding every built year they affect is one
 * transaction, so a failed or killed run leaves the database before or after, never with the
 * corrections stored and the monitor built without them. A file taken in before counts as done
 * only when every build it affects is newer than it (a database left by the earlier
 * two-transaction version is repaired by rebuilding).
 */
import { z } from 'zod';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { buildYear, type BuildSummary } from '../stages/build-year.ts';
import { storeCorrections } from './store.ts';
import { pauseForTest } from './test-pause.ts';
import type { Correction } from './types.ts';

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
  const later = await database.query(
    z.object({ year: z.number() }),
    'SELECT year FROM build_run WHERE year > $1 ORDER BY year',
    [year],
  );
  return [year, ...later.map((row) => row.year)];
}

/**
 * null when the file was never taken in for its year; otherwise the affected years whose build
 * is missing or older than the file (empty: all of them contain it).
 */
async function staleYears(database: MonitorDatabase, file: CorrectionsFile): Promise<number[] | null> {
  const [stored] = await database.query(
    z.object({ applied_at: z.string() }),
    'SELECT applied_at::VARCHAR AS applied_at FROM correction_file WHERE year = $1 AND sha256 = $2',
    [file.year, file.sha256],
  );
  if (stored === undefined) return null;
  const current = await database.query(
    z.object({ year: z.number() }),
    `SELECT year FROM build_run WHERE year >= $1 AND built_at >= $2::TIMESTAMP`,
    [file.year, stored.applied_at],
  );
  const upToDate = new Set(current.map((row) => row.year));
  return (await affectedYears(database, file.year)).filter((year) => !upToDate.has(year));
}
