/** The keys of the location tables (migration 010), checked before the build commits (check-keys.ts). */
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { checkKeys } from './check-keys.ts';

const REPEATED_KEYS = sql('build/check-build-keys/repeated-keys.sql');

/** What each table's key is, as a person reads it in the error. */
const KEY_NAMES = {
  location: 'dezelfde locatie-id',
  location_member: 'dezelfde bron en regel van een record',
  match_pair: 'dezelfde paar van records',
};

/** Fails the build (inside its transaction, so nothing is stored) when a key is held twice. */
export async function checkBuildKeys(database: MonitorDatabase, year: number): Promise<void> {
  await checkKeys(database, year, REPEATED_KEYS, KEY_NAMES);
}
