/**
 * Crash safety (GitHub issue #7): the real CLI, as a separate process, is killed with SIGKILL in
 * the middle of a build. The database must then hold exactly what it held before that build —
 * every table, byte for byte — and the next build must succeed. While the build runs, a second
 * process on the same database is refused with a Dutch message. A report killed at an unplanned
 * moment leaves its folder whole (the planned moments are in report-atomic.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../pipeline/lock/lock-file.ts';
import { largeInventoryCsv } from '../fixtures/bad/make-bad-files.ts';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { buildTables, databaseState } from '../helpers/database-state.ts';
import { folderTree } from '../helpers/folder-tree.ts';
import { small2025Database, small2025Report } from '../helpers/small-2025.ts';

const CLI = fileURLToPath(new URL('../../pipeline/cli/lsp-monitor.mjs', import.meta.url));
const MUNICIPALITIES = fileURLToPath(new URL('../../sources/reference/cbs/municipalities_2025.csv', import.meta.url));
const YEAR = '2025';
/** Enough rows that the build's transaction runs for seconds, few enough to keep this test near 20 s. */
const LARGE_ROWS = 4_000;

/** Resolves when `condition` holds; fails (with what the process printed) after `timeoutMs` or when it has ended. */
async function waitUntil(condition: () => boolean, child: ChildProcess, what: string, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the build ended (${child.exitCode ?? child.signalCode}) before ${what}:\n${output()}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** Whether process `pid` has `path` open (Linux: /proc/<pid>/fd); undefined where that cannot be seen. */
function holdsOpen(pid: number, path: string): boolean | undefined {
  const fds = `/proc/${pid}/fd`;
  if (!existsSync('/proc/self/fd')) return undefined;
  try {
    return readdirSync(fds).some((fd) => {
      try {
        return readlinkSync(join(fds, fd)) === path;
      } catch {
        return false; // closed meanwhile
      }
    });
  } catch {
    return false;
  }
}

/** How many entries a folder holds; 0 once it is gone. */
function filesIn(folder: string): number {
  try {
    return readdirSync(folder).length;
  } catch {
    return 0;
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

describe('crash safety', () => {
  it('a build killed mid-transaction leaves the previous state; a second process is refused; the next build succeeds', async () => {
    const dir = scratchDir();
    const db = resolve(dir, 'monitor.duckdb');

    // The previous state: the build of list A, timed, so the kill below can aim at its middle.
    const municipalities = readCsv(MUNICIPALITIES).map((row) => row['name']!);
    const listA = join(dir, 'lijst-a.csv');
    writeFileSync(listA, largeInventoryCsv(LARGE_ROWS, municipalities));
    const importedA = await runCli(['import', listA, '--year', YEAR, '--source', 'lijst', '--db', db]);
    expect(importedA.code, importedA.stderr).toBe(0);
    const started = Date.now();
    const builtA = await runCli(['build', '--year', YEAR, '--db', db]);
    const buildMs = Date.now() - started;
    expect(builtA.stdout, builtA.stderr).toContain(`${LARGE_ROWS} steunpunten in beeld`);

    // List B (one steunpunt more) replaces it; the build tables still hold the build of A.
    const listB = join(dir, 'lijst-b.csv');
    writeFileSync(listB, largeInventoryCsv(LARGE_ROWS + 1, municipalities));
    const imported = await runCli(['import', listB, '--year', YEAR, '--source', 'lijst', '--db', db]);
    expect(imported.stdout, imported.stderr).toContain(`${LARGE_ROWS + 1} rijen ingelezen, 0 afgewezen`);
    const before = await databaseState(db);

    const child = spawn(process.execPath, [CLI, 'build', '--year', YEAR, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let childOutput = '';
    child.stdout?.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    try {
      await waitUntil(() => existsSync(lockPathFor(db)), child, 'it took the lock', () => childOutput);
      const pid = child.pid!;
      if (holdsOpen(pid, db) === undefined) await new Promise((done) => setTimeout(done, 500));
      else await waitUntil(() => holdsOpen(pid, db) === true, child, 'it opened the database', () => childOutput);
      const opened = Date.now();

      // A second writer is refused by the lock file, a reader by DuckDB's own file lock.
      const busy = /^fout: database monitor\.duckdb is in gebruik door (een ander lsp-monitor-proces|lsp-monitor-proces \d+)/;
      const secondBuild = await runCli(['build', '--year', YEAR, '--db', db]);
      expect(secondBuild.code, secondBuild.stderr).toBe(1);
      expect(secondBuild.stderr).toMatch(busy);
      const report = await runCli(['report', '--year', YEAR, '--out', join(dir, 'uit'), '--db', db]);
      expect(report.code, report.stderr).toBe(1);
      expect(report.stderr).toMatch(busy);
      expect(`${secondBuild.stderr}${report.stderr}`).not.toContain('    at ');

      // Half a build in (the timed build above includes reading the reference data, so this is past the start of the transaction).
      await new Promise((done) => setTimeout(done, Math.max(0, opened + buildMs / 2 - Date.now())));
      expect(child.exitCode, `the build finished before it could be killed; raise LARGE_ROWS\n${childOutput}`).toBeNull();
      // DuckDB writes its WAL at commit: no WAL yet means the kill lands inside the open transaction.
      expect(existsSync(`${db}.wal`)).toBe(false);
      child.kill('SIGKILL');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(await exited(child)).toEqual({ code: null, signal: 'SIGKILL' });

    // Exactly the previous state: every table, including the imported records and the small build.
    expect(await databaseState(db)).toEqual(before);

    // The next build succeeds (taking over the dead process's lock) and replaces the build of A.
    const next = await runCli(['build', '--year', YEAR, '--db', db]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`${LARGE_ROWS + 1} steunpunten in beeld`);
    expect(buildTables(await databaseState(db))).not.toEqual(buildTables(before));
    expect(existsSync(lockPathFor(db))).toBe(false);
  });

  it('a report killed while it swaps its folder in leaves the whole previous folder or the whole new one', async () => {
    const dir = scratchDir();
    // A list built and reported, then grown by one steunpunt and built again (test/helpers/small-2025.ts).
    const db = await small2025Database('nieuw', dir);
    const reportTo = (out: string) => runCli(['report', '--year', YEAR, '--out', out, '--db', db]);
    const ok = (result: { code: number; stderr: string }) => expect(result.code, result.stderr).toBe(0);
    const previous = await small2025Report('oud');
    const [before, after] = [folderTree(previous), folderTree(await small2025Report('nieuw'))];
    expect(after).not.toEqual(before);
    const parent = join(dir, 'doel');
    const target = join(parent, 'rapport');
    cpSync(previous, target, { recursive: true });

    // No pause: killed the moment the new folder appears beside the target, wherever the writer then is.
    const child = spawn(process.execPath, [CLI, 'report', '--year', YEAR, '--out', target, '--db', db], { stdio: 'ignore' });
    try {
      // The empty probe folder of the up-front check does not count: files in it mean the writing began.
      const writing = () => readdirSync(parent).some((entry) => entry.startsWith('.rapport.old-') || (entry.startsWith('.rapport.new-') && filesIn(join(parent, entry)) > 0));
      await waitUntil(writing, child, 'the report began writing', () => '', 120_000).catch(() => undefined);
      child.kill('SIGKILL');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await exited(child);
    const aside = readdirSync(parent).find((entry) => entry.startsWith('.rapport.old-'));
    const seen = existsSync(target) ? folderTree(target) : folderTree(join(parent, aside!));
    expect([before, after]).toContainEqual(seen);

    ok(await reportTo(target));
    expect(folderTree(target)).toEqual(after);
    expect(readdirSync(parent)).toEqual(['rapport']);
  }, 240_000);
});
