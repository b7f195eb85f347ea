/**
 * The keys of the build's tables, checked before the build commits. They were PRIMARY KEYs, whose
 * ART indexes DuckDB kept in memory, updated at every write and checked at COMMIT (seconds and
 * hundreds of MB at a million records); migrations 010 and 012 dropped them, and this check keeps
 * the guarantee. Each caller has its own query (a repeated-keys.sql beside it).
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorDatabase } from '../db/database.ts';

/**
 * Fails the build (inside its transaction, so nothing is stored) when a key is held twice.
 * `query` counts, per table, the keys of year $year held by more than one row; `keyNames` says
 * what each table's key is, as a person reads it in the error.
 */
export async function checkKeys(database: MonitorDatabase, year: number, query: string, keyNames: Readonly<Record<string, string>>): Promise<void> {
  const tables = Object.keys(keyNames);
  const counts = z.object(Object.fromEntries(tables.map((table) => [table, z.number()])));
  const [repeated] = await database.query(counts, query, { year });
  if (repeated === undefined) throw new Error('the key check returned no row');
  const problems = tables.filter((table) => repeated[table]! > 0).map((table) => `${repeated[table]} × ${keyNames[table]} in ${table}`);
  if (problems.length > 0) {
    throw new MonitorError(`de build van ${year} is niet opgeslagen: ${problems.join('; ')} (een fout in lsp-monitor; meld dit)`);
  }
}
