/**
 * The SQL of the pipeline lives in `.sql` files beside the TypeScript that runs it, one statement
 * per file, named for what it returns or does. A module loads its statements at the top, with a
 * literal path (`const DESIRED = sql('build/build-coverage/desired.sql')`), so a missing file
 * fails when the module is loaded, not halfway through a build, and the test in
 * `test/pipeline/db/sql-files.test.ts` can check that every file named exists and every file is
 * named. Values go in as `$name` (or `$1`) parameters, never into the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MonitorError } from '../../sources/errors.ts';

/**
 * The one place that knows where the `.sql` files are: the `pipeline/` folder of the source tree.
 * Paths given to `sql` (and the migrations folder) are relative to it.
 */
export function sqlDirectory(): string {
  return fileURLToPath(new URL('../', import.meta.url));
}

const loaded = new Map<string, string>();

/** The text of one `.sql` file by its path under `pipeline/`, read once per process. */
export function sql(path: string): string {
  const cached = loaded.get(path);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(join(sqlDirectory(), path), 'utf8');
  } catch (error) {
    throw new MonitorError(`SQL-bestand pipeline/${path} ontbreekt of kan niet worden gelezen; de installatie van lsp-monitor is onvolledig`, {
      cause: error,
    });
  }
  if (text.trim() === '') {
    throw new MonitorError(`SQL-bestand pipeline/${path} is leeg; de installatie van lsp-monitor is onvolledig`);
  }
  loaded.set(path, text);
  return text;
}
