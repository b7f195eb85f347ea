/**
 * A new monitor database as the first command on a new --db leaves it before doing its own work:
 * every migration applied and the bundled reference data copied in (pipeline/db/reference-tables.ts),
 * nothing imported. Made once per test run and copied for each test that starts from nothing:
 * creating the schema, copying the reference tables in and writing the 12 MB file cost every
 * such test about a quarter of a second of CPU and more of waiting for the disk.
 *
 * Tests of what happens to a --db that does not exist yet (a new file, a refused command that
 * must not create one, migrations) give the CLI a path instead.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../pipeline/context.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { ensureReferenceTables } from '../../pipeline/db/reference-tables.ts';
import { sharedBuild } from './shared-build.ts';

const DATABASE = 'monitor.duckdb';

/** Copies the new database to `<folder>/<name>` and returns its path. */
export async function freshDatabase(folder: string, name = DATABASE): Promise<string> {
  const { folder: built } = await sharedBuild('fresh-database', async (into) => {
    const context = createContext();
    await withDatabase(join(into, DATABASE), (database) => ensureReferenceTables(database, context.reference, context.resolver, context.regions));
    return null;
  });
  const target = join(folder, name);
  copyFileSync(join(built, DATABASE), target);
  return target;
}
