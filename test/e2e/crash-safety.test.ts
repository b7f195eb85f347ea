/**
 * Crash safety (GitHub issue #7): the real CLI, as a separate process, is killed with SIGKILL in
 * the middle of a build (paused inside its transaction by the test-only LSP_MONITOR_TEST_PAUSE,
 * see pipeline/test-pause.ts). The database must then hold exactly what it held before that build —
 * every table, byte for byte — and the next build must succeed. While the build runs, a second
 * process on the same database is refused with a Dutch message. A report killed at an unplanned
 * moment leaves its folder whole (the planned moments are in report-atomic.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../pipeline/lock/lock-file.ts';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { buildTables, databaseState, snapshotOf, stateComparedTo } from '../helpers/database-state.ts';
import { folderTree } from '../helpers/folder-tree.ts';
import { inventoryCsv, SMALL_2025_ROWS, small2025Database, small2025Report } from '../helpers/small-2025.ts';

const CLI = fileURLToPath(new URL('../../pipeline/cli/lsp-monitor.mjs', import.meta.url));
const YEAR = '2025';

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
    // The previous state: a small list built and reported (test/helpers/small-2025.ts).
    const db = await small2025Database('oud', dir);

    // The list grown by one steunpunt replaces it; the build tables still hold the build of the old list.
    const list = join(dir, 'inventaris.csv');
    writeFileSync(list, inventoryCsv(SMALL_2025_ROWS.nieuw));
    const imported = await runCli(['import', list, '--year', YEAR, '--source', 'lijst', '--db', db]);
    expect(imported.stdout, imported.stderr).toContain(`${SMALL_2025_ROWS.nieuw.length} rijen ingelezen, 0 afgewezen`);
    const beforeSnapshot = await snapshotOf(db);
    const before = beforeSnapshot.state;

    // The build stops inside its transaction (pipeline/test-pause.ts): the old build cleared,
    // the new locations and coverage written, nothing committed.
    const moment = 'build-in-transactie';
    const child = spawn(process.execPath, [CLI, 'build', '--year', YEAR, '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LSP_MONITOR_TEST_PAUSE: moment },
    });
    let childOutput = '';
    child.stdout?.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (childOutput += chunk.toString()));
    try {
      await waitUntil(() => childOutput.includes(`test-pauze: ${moment}`), child, `it paused at ${moment}`, () => childOutput, 90_000);
      expect(existsSync(lockPathFor(db))).toBe(true);

      // A second writer is refused by the lock file, a reader by DuckDB's own file lock.
      const busy = /^fout: database monitor\.duckdb is in gebruik door (een ander lsp-monitor-proces|lsp-monitor-proces \d+)/;
      const secondBuild = await runCli(['build', '--year', YEAR, '--db', db]);
      expect(secondBuild.code, secondBuild.stderr).toBe(1);
      expect(secondBuild.stderr).toMatch(busy);
      const report = await runCli(['report', '--year', YEAR, '--out', join(dir, 'uit'), '--db', db]);
      expect(report.code, report.stderr).toBe(1);
      expect(report.stderr).toMatch(busy);
      expect(`${secondBuild.stderr}${report.stderr}`).not.toContain('    at ');

      expect(child.exitCode, `the build ended while it should be paused\n${childOutput}`).toBeNull();
      // DuckDB writes its WAL at commit: no WAL yet means the kill lands inside the open transaction.
      expect(existsSync(`${db}.wal`)).toBe(false);
      child.kill('SIGKILL');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(await exited(child)).toEqual({ code: null, signal: 'SIGKILL' });

    // Exactly the previous state: every table, including the imported records and the old build
    // (the same bytes and no WAL, or else read table by table).
    expect(await stateComparedTo(db, beforeSnapshot)).toEqual(before);

    // The next build succeeds (taking over the dead process's lock) and replaces the old build.
    const next = await runCli(['build', '--year', YEAR, '--db', db]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`${SMALL_2025_ROWS.nieuw.length} steunpunten in beeld`);
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
