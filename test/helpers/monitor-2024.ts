/**
 * The bundled 2024 monitor as `lsp-monitor run` makes it on a fresh database, made once per test
 * run instead of once per test file (each run imports and builds all of 2024: seconds on a quiet
 * machine, far more while the suite runs).
 *
 * - `monitor2024()`: what that run printed and the folder it wrote (`reports/2024/`), to read only.
 * - `monitor2024Database(folder)`: a copy of the database it left, for a test that goes on from
 *   there (imports, builds, runs again); the copy is the test's own.
 * - `monitor2024Reports(folder)`: a copy of the reports folder, for a test that writes into it.
 */
import { copyFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliResult } from './cli.ts';
import { sharedBuild } from './shared-build.ts';

export interface Monitor2024 {
  /** What `lsp-monitor run --db <fresh> --reports <folder>` returned. */
  run: CliResult;
  /** The --reports folder of that run (the monitor itself is in its subfolder 2024/). Read only. */
  reports: string;
}

const DATABASE = 'monitor.duckdb';

async function built(): Promise<{ folder: string; run: CliResult }> {
  const { folder, value } = await sharedBuild('monitor-2024', (into) => runCli(['run', '--db', join(into, DATABASE), '--reports', join(into, 'reports')]));
  return { folder, run: value };
}

export async function monitor2024(): Promise<Monitor2024> {
  const { folder, run } = await built();
  return { run, reports: join(folder, 'reports') };
}

async function succeeded(): Promise<string> {
  const { folder, run } = await built();
  if (run.code !== 0 || run.stderr !== '') throw new Error(`lsp-monitor run (2024) failed with code ${run.code}:\n${run.stderr}`);
  return folder;
}

/** Copies the database the 2024 run left to `<folder>/<name>` and returns its path. */
export async function monitor2024Database(folder: string, name = DATABASE): Promise<string> {
  const source = join(await succeeded(), DATABASE);
  const target = join(folder, name);
  copyFileSync(source, target);
  // Closed cleanly there is no WAL; copied along should DuckDB ever leave one.
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${target}.wal`);
  return target;
}

/** Copies the 2024 run's reports folder (with 2024/ in it) to `<folder>/<name>` and returns its path. */
export async function monitor2024Reports(folder: string, name = 'reports'): Promise<string> {
  const target = join(folder, name);
  cpSync(join(await succeeded(), 'reports'), target, { recursive: true });
  return target;
}
