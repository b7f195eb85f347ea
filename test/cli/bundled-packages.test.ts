/**
 * exceljs, vega, vega-lite, zod and DuckDB's API are bundled into dist/ (pipeline/cli/build.mjs), so their code
 * loads from a chunk of dist/, never from node_modules, and the module-URL check of
 * lazy-commands.test.ts cannot see them. This test looks them up in the chunks a command loaded,
 * by what dist/build.json records each chunk holds.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/cli.ts';
import { packagesPerThread, recordedReport2024 } from '../helpers/recorded-report-2024.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'pipeline/cli/lsp-monitor.mjs');
const RECORDER = join(ROOT, 'test/e2e/record-thread-imports.mjs');
const HEAVY = ['exceljs', 'vega', 'vega-lite', '@duckdb/node-api'];

/** The packages whose bundled code the command loaded (from the chunks of dist/ any of its threads imported). */
function bundledPackagesLoaded(args: readonly string[]): { code: number | null; stderr: string; packages: string[] } {
  const log = join(scratchDir(), 'modules.log');
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LSP_MONITOR_IMPORT_LOG: log, LSP_MONITOR_PDF: 'uit' },
  });
  // Read after the run: a run that found dist/ out of date has just built it again.
  return { code: result.status, stderr: result.stderr, packages: loadedByAnyThread(log) };
}

const loadedByAnyThread = (log: string) => [...new Set([...packagesPerThread(log).values()].flat())].sort();

describe('the packages bundled into dist/', () => {
  it.each([
    [['--help'], 0],
    [['report', '--year', '2024'], 2],
  ])('%j loads none of exceljs, vega, vega-lite, DuckDB from its chunks', (args, code) => {
    const run = bundledPackagesLoaded(args);
    expect(run.code, run.stderr).toBe(code);
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it('are found in the chunks a command loads (so the check above can fail)', async () => {
    // The bin's report of 2024, its modules recorded per thread (made once per run, shared with report-worker.test.ts).
    const report = await recordedReport2024();
    expect(report.status, report.stderr).toBe(0);
    expect(loadedByAnyThread(report.log)).toEqual(expect.arrayContaining(HEAVY));
  }, 120_000);
});
