/**
 * The command line answers at once: help, the version, a usage error and a mistyped command are
 * answered without importing DuckDB, exceljs, vega, cheerio or playwright, which only the command
 * that needs them loads. Checked on the real bin, in a fresh process whose every loaded module is
 * written down by a loader hook (record-imports.mjs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runHelp } from '../../pipeline/cli/help/run.ts';
import { scheduleHelp } from '../../pipeline/cli/help/schedule.ts';
import { TIME_ZONE } from '../../sources/archive/dutch-date.ts';
import { INPUTS_FILE } from '../../sources/inventories/index.ts';
import { scratchDir } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'pipeline/cli/lsp-monitor.mjs');
const RECORDER = join(ROOT, 'test/cli/record-imports.mjs');
const HEAVY = ['@duckdb/node-bindings', 'exceljs', 'vega', 'vega-lite', 'cheerio', 'playwright-core'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every module URL the process loaded. */
  modules: string[];
}

function runRecorded(args: readonly string[]): Run {
  const log = join(scratchDir(), 'modules.log');
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LSP_MONITOR_IMPORT_LOG: log },
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, modules };
}

function packagesLoaded(modules: readonly string[]): string[] {
  const names = modules.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match === null ? [] : [match[1]!];
  });
  return [...new Set(names)].sort();
}

describe('a command line that answers at once', () => {
  it.each([
    [['--help'], 0],
    [['--version'], 0],
    [['build', '--help'], 0],
    [['report', '-h'], 0],
    [['biuld', '--year', '2024'], 2],
    [['build', '--jaar', '2024'], 2],
    [['build', '--year', 'twintig'], 2],
    [['import', '--year', '2024'], 2],
    [['diff', '2024'], 2],
    [['build'], 2],
    [['report', '--year', '2024'], 2],
  ])('%j loads none of DuckDB, exceljs, vega, cheerio, playwright', (args, code) => {
    const run = runRecorded(args);
    expect(run.code, run.stderr).toBe(code);
    expect(packagesLoaded(run.modules).filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it('loads DuckDB when a command needs the database (so the check above can fail)', () => {
    const run = runRecorded(['imports', '--year', '2024', '--db', join(scratchDir(), 'm.duckdb')]);
    expect(run.code, run.stderr).toBe(0);
    expect(packagesLoaded(run.modules)).toContain('@duckdb/node-bindings');
  });

  it('runs no TypeScript: the built JavaScript in dist/, without tsx', () => {
    const run = runRecorded(['--help']);
    expect(run.modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
    expect(packagesLoaded(run.modules)).not.toContain('tsx');
    expect(run.modules).toContain(new URL('dist/lsp-monitor.js', `file://${ROOT}`).href);
  });

  // Building again when a source is newer is tested in a copy of the checkout (stale-dist.test.ts):
  // touching a real source here would rebuild dist/ under the other test files' feet.
  it('does not build again when dist/ is up to date', () => {
    runRecorded(['--version']);
    expect(packagesLoaded(runRecorded(['--version']).modules)).not.toContain('esbuild');
  });

  it("run's help names the inputs file the bundled years are read from, schedule's the time zone it runs in", () => {
    expect(runHelp.usage).toContain(`met een\n${INPUTS_FILE} (jaar`);
    expect(scheduleHelp.usage).toContain(`(tijdzone ${TIME_ZONE})`);
  });
});
