/**
 * The database schema as numbered migrations: one SQL file per version in `migrations/`
 * (`006-baseline.sql`, `007-….sql`, …), found by listing the folder, so a migration is added by
 * adding a file. The database's version is the highest number applied (`meta.schema_version`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlDirectory } from './sql-file.ts';

export interface Migration {
  version: number;
  file: string;
  sql: string;
}

const MIGRATIONS_DIR = join(sqlDirectory(), 'db', 'migrations');
const MIGRATION_FILE = /^(\d{3,})-[a-z0-9-]+\.sql$/;

/** Every migration in the folder, by version; two files with one number are a programming error. */
export function loadMigrations(directory: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(directory)
    .flatMap((file) => {
      const match = MIGRATION_FILE.exec(file);
      return match ? [{ version: Number(match[1]), file, sql: readFileSync(`${directory}/${file}`, 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
  if (migrations.length === 0) throw new Error(`no migrations in ${directory}`);
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.version === migration.version) {
      throw new Error(`migrations ${previous.file} and ${migration.file} share version ${migration.version}`);
    }
  });
  return migrations;
}

/** The version a database has after every known migration. */
export function latestSchemaVersion(migrations: readonly Migration[] = loadMigrations()): number {
  return migrations.at(-1)!.version;
}
