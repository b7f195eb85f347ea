/**
 * Makes the template that new-database.ts copies for a new file: what the first command on a new
 * --db leaves before its own work (every migration, the reference tables), written under a
 * temporary name and renamed into `directory`. Called by the build (pipeline/cli/build.mjs).
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, type MonitorContext } from '../context.ts';
import { withDatabase } from './database.ts';
import { templateName } from './new-database.ts';
import { ensureReferenceTables } from './reference-tables.ts';
import { loadMigrations } from './schema.ts';

/** Writes the template into `directory` and returns its path. */
export async function writeTemplate(directory: string, context: MonitorContext = createContext()): Promise<string> {
  const migrations = loadMigrations();
  const target = join(directory, templateName(migrations));
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  try {
    // Given the migrations, open creates the file itself instead of copying an older template.
    await withDatabase(temporary, (database) => ensureReferenceTables(database, context.reference, context.resolver, context.regions), { migrations });
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}.wal`, { force: true });
  }
  return target;
}
