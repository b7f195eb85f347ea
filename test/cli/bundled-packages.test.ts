/**
 * exceljs, vega, vega-lite, zod and DuckDB's API are bundled into dist/ (pipeline/cli/build.mjs), so their code
 * loads from a chunk of dist/, never from node_modules, and the module-URL check of
 * lazy-commands.test.ts cannot see them. This test looks them up in the chunks a command loaded,
 * by what dist/build.json records each chunk holds.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scratchDir } from '../helpers/cli.ts';
import { monitor2024Database } from '../helpers/monitor-2024.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'pipeline/cli/lsp-monitor.mjs');
const RECORDER = join(ROOT, 'test/cli/record-imports.mjs');
const DIST_URL = new URL('dist/', `file://${ROOT}`).href;
const HEAVY = ['exceljs', 'vega', 'vega-lite', '@duckdb/node-api'];

/** The packages whose bundled code the command loaded (from the chunks of dist/ it imported). */
function bundledPackagesLoaded(args: readonly string[]): { code: number | null; stderr: string; packages: string[] } {
  const log = join(scratchDir(), 'modules.log');
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LSP_MONITOR_IMPORT_LOG: log, LSP_MONITOR_PDF: 'uit' },
  });
  // Read after the run: a run that found dist/ out of date has just built it again.
  const manifest = z
    .object({ packages: z.record(z.string(), z.array(z.string())) })
    .parse(JSON.parse(readFileSync(join(ROOT, 'dist/build.json'), 'utf8')));
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(DIST_URL))
    .map((url) => url.slice(DIST_URL.length));
  const packages = [...new Set(chunks.flatMap((chunk) => manifest.packages[chunk] ?? []))].sort();
  return { code: result.status, stderr: result.stderr, packages };
}

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
    const scratch = scratchDir();
    const database = await monitor2024Database(scratch);
    const run = bundledPackagesLoaded(['report', '--year', '2024', '--db', database, '--out', join(scratch, 'rapport')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.packages).toEqual(expect.arrayContaining(HEAVY));
  }, 120_000);
});
