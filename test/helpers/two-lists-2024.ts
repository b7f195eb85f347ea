/**
 * The labelled evaluation set of test/fixtures/dedup/ (two overlapping lists of the 2024
 * steunpunten, `lijst-a.csv` and `lijst-b.xlsx`) imported into a new database as sources `lijst-a`
 * and `lijst-b`, built and reported for 2024: made once per test run for the files that start
 * from it (dedupe-quality, corrections), which each imported, built and reported it themselves.
 *
 * What is shared is read only: a test copies the database it goes on with, and checks the
 * commands' results it is given.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from './cli.ts';
import { freshDatabase } from './fresh-database.ts';
import { sharedBuild } from './shared-build.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/dedup/', import.meta.url));
const DATABASE = 'monitor.duckdb';
const REPORT = 'rapport';

export interface TwoLists2024 {
  /** What import (lijst-a), import (lijst-b), build and report returned, in that order. */
  results: CliResult[];
  /** The report folder of 2024, to read only. */
  report: string;
}

async function built(): Promise<{ folder: string; results: CliResult[] }> {
  const { folder, value } = await sharedBuild('two-lists-2024', async (into) => {
    const db = await freshDatabase(into, DATABASE);
    const results: CliResult[] = [];
    for (const args of [
      ['import', join(FIXTURES, 'lijst-a.csv'), '--year', '2024', '--source', 'lijst-a'],
      ['import', join(FIXTURES, 'lijst-b.xlsx'), '--year', '2024', '--source', 'lijst-b'],
      ['build', '--year', '2024'],
      ['report', '--year', '2024', '--out', join(into, REPORT)],
    ]) {
      results.push(await runCli([...args, '--db', db]));
    }
    return results;
  });
  return { folder, results: value };
}

export async function twoLists2024(): Promise<TwoLists2024> {
  const { folder, results } = await built();
  return { results, report: join(folder, REPORT) };
}

/** Copies the database the shared commands left to `<folder>/<name>` and returns its path. */
export async function twoLists2024Database(folder: string, name = DATABASE): Promise<string> {
  const source = join((await built()).folder, DATABASE);
  const target = join(folder, name);
  copyFileSync(source, target);
  // Closed cleanly there is no WAL; copied along should DuckDB ever leave one.
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${target}.wal`);
  return target;
}
