/**
 * A small 2025 monitor, before and after its list grew by one steunpunt, made once per test run
 * for the tests that write a report over an earlier one or refuse a stale build (report-atomic,
 * stale-build, crash-safety), which each imported, built and reported it themselves.
 *
 * Source `lijst`, file `inventaris.csv`, year 2025: state `oud` holds Herstelcafé Haarlem and
 * Inloop De Kamer, state `nieuw` Huiskamer Oost as well (imported over `oud` and built again).
 * What is shared is read only: a test copies the database it goes on with and the report folder
 * it writes over.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.ts';
import { sharedBuild } from './shared-build.ts';

export const SMALL_2025_ROWS = {
  oud: ['Herstelcafé Haarlem,Stichting Anders,Haarlem,4', 'Inloop De Kamer,RIBW,Zwolle,8'],
  nieuw: ['Herstelcafé Haarlem,Stichting Anders,Haarlem,4', 'Inloop De Kamer,RIBW,Zwolle,8', 'Huiskamer Oost,Humanitas,Enschede,2'],
};

export type Small2025State = keyof typeof SMALL_2025_ROWS;

/** An inventory list with the columns the small monitor uses. */
export const inventoryCsv = (rows: readonly string[]) => ['naam,organisatie,gemeente,dagdelen_per_week', ...rows].join('\n');

function copyDatabase(source: string, target: string): void {
  copyFileSync(source, target);
  // Closed cleanly there is no WAL; copied along should DuckDB ever leave one.
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${target}.wal`);
}

async function built(): Promise<string> {
  const { folder } = await sharedBuild('small-2025', async (into) => {
    const list = join(into, 'inventaris.csv');
    const db = join(into, 'monitor.duckdb');
    for (const state of ['oud', 'nieuw'] as const) {
      writeFileSync(list, inventoryCsv(SMALL_2025_ROWS[state]));
      for (const args of [['import', list, '--year', '2025', '--source', 'lijst'], ['build', '--year', '2025'], ['report', '--year', '2025', '--out', join(into, state)]]) {
        const result = await runCli([...args, '--db', db]);
        if (result.code !== 0) throw new Error(`lsp-monitor ${args[0]} (small 2025, ${state}) failed with code ${result.code}:\n${result.stderr}`);
      }
      copyDatabase(db, join(into, `${state}.duckdb`));
    }
  });
  return folder;
}

/** Copies the database of `state` (built, reported) to `<folder>/<name>` and returns its path. */
export async function small2025Database(state: Small2025State, folder: string, name = 'monitor.duckdb'): Promise<string> {
  const target = join(folder, name);
  copyDatabase(join(await built(), `${state}.duckdb`), target);
  return target;
}

/** The report folder of `state`, to read only (copy it to write over it). */
export async function small2025Report(state: Small2025State): Promise<string> {
  return join(await built(), state);
}
