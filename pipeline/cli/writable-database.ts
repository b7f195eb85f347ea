/** Opening the database for writing, under its lock: kept apart from command.ts, which must stay light. */
import { withDatabase, withDatabaseWhileOpening, type MonitorDatabase, type OpenOptions } from '../db/database.ts';
import { withLock } from '../lock/acquire-lock.ts';
import { databasePath, waitSeconds, type OptionValues } from './command.ts';

/**
 * Runs `work` on the database while holding its lock file, so two processes never write to one
 * database at once: the second waits (--wait) or is refused with who holds it.
 */
export async function withWritableDatabase<T>(
  values: OptionValues,
  command: string,
  work: (database: MonitorDatabase) => Promise<T>,
): Promise<T> {
  const path = databasePath(values);
  return withLock(path, { wait: waitSeconds(values) * 1000, command }, () => withDatabase(path, work));
}

/**
 * As withWritableDatabase, with `meanwhile` run while DuckDB opens the file (withDatabaseWhileOpening):
 * `run` reads the bundled reference data then, instead of before.
 */
export async function withWritableDatabaseWhileOpening<M, T>(
  values: OptionValues,
  command: string,
  meanwhile: () => M,
  work: (database: MonitorDatabase, made: M) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const path = databasePath(values);
  return withLock(path, { wait: waitSeconds(values) * 1000, command }, () => withDatabaseWhileOpening(path, meanwhile, work, options));
}
