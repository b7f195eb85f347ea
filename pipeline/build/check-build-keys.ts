/**
 * The keys of the build's largest tables, checked before the build commits. They were PRIMARY
 * KEYs, whose ART indexes DuckDB kept in memory and checked at COMMIT (seconds and hundreds of MB
 * at a million records); migration 010 dropped them, and this check keeps the guarantee.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';

const REPEATED_KEYS = sql('build/check-build-keys/repeated-keys.sql');

const RepeatedKeys = z.object({ location: z.number(), location_member: z.number(), match_pair: z.number() });

/** What each table's key is, as a person reads it in the error. */
const KEY_NAMES: Record<keyof z.infer<typeof RepeatedKeys>, string> = {
  location: 'locatie-id',
  location_member: 'bron en regel van een record',
  match_pair: 'paar van records',
};

/** Fails the build (inside its transaction, so nothing is stored) when a key is held twice. */
export async function checkBuildKeys(database: MonitorDatabase, year: number): Promise<void> {
  const [repeated] = await database.query(RepeatedKeys, REPEATED_KEYS, { year });
  if (repeated === undefined) throw new Error('repeated-keys.sql returned no row');
  const problems = (Object.keys(KEY_NAMES) as (keyof typeof KEY_NAMES)[])
    .filter((table) => repeated[table] > 0)
    .map((table) => `${repeated[table]} × dezelfde ${KEY_NAMES[table]} in ${table}`);
  if (problems.length > 0) {
    throw new MonitorError(`de build van ${year} is niet opgeslagen: ${problems.join('; ')} (een fout in lsp-monitor; meld dit)`);
  }
}
