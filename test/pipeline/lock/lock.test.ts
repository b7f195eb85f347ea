/** The database lock across real processes: refuse, wait, take over a stale lock, release on a signal. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError } from '../../../pipeline/lock/acquire-lock.ts';
import { LockHolder } from '../../../pipeline/lock/lock-file.ts';
import { formatDutchDateTime } from '../../../sources/archive/dutch-date.ts';
import { spawnLockHolder } from '../../helpers/hold-lock.ts';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function database(): string {
  return join(mkdtempSync(join(tmpdir(), 'lsp-lock-')), 'monitor.duckdb');
}

/** Starts the fixture and resolves once it holds the lock. */
async function holdInChild(databasePath: string, holdMs: number): Promise<{ child: ChildProcess; holder: LockHolder }> {
  const child = await spawnLockHolder(databasePath, holdMs);
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`child did not take the lock in time: ${errors}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n') && line !== undefined) {
        clearTimeout(timer);
        resolve({ child, holder: LockHolder.parse(JSON.parse(line)) });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before taking the lock: ${errors}`));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function busy(promise: Promise<unknown>): Promise<LockBusyError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LockBusyError)) throw new Error(`expected a LockBusyError, got ${String(error)}`);
  return error;
}

describe('acquireLock', () => {
  it('writes PID, host, start time and command into <db>.lock and removes it on release', async () => {
    const db = database();
    const lock = await acquireLock(db, { command: 'lsp-monitor fetch --online' });

    const holder = LockHolder.parse(JSON.parse(readFileSync(`${db}.lock`, 'utf8')));
    expect(holder).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'lsp-monitor fetch --online' });
    expect(lock.holder).toEqual(holder);
    lock.release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('refuses while another process holds the lock, naming its PID and start time', async () => {
    const db = database();
    const { holder } = await holdInChild(db, -1);

    const error = await busy(acquireLock(db));

    expect(error.message).toBe(
      `database monitor.duckdb is in gebruik door lsp-monitor-proces ${holder.pid} (gestart ${formatDutchDateTime(holder.startedAt)}, ` +
        `commando 'lsp-monitor testproces'); probeer het later opnieuw (draait dat proces niet meer, verwijder dan ${db}.lock)`,
    );
    expect(error.exitCode).toBe(1);
  });

  it('waits for the other process and gets the lock after its release', async () => {
    const db = database();
    const { child } = await holdInChild(db, 400);
    const lines: string[] = [];

    const lock = await acquireLock(db, { wait: 15_000, pollMs: 50, log: (line) => lines.push(line) });

    expect(lock.holder.pid).toBe(process.pid);
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^database monitor\.duckdb is in gebruik door lsp-monitor-proces \d+ \(gestart .+\); wachten \(hoogstens 15 s\)$/);
    lock.release();
  });

  it('gives up waiting after the time asked for', async () => {
    const db = database();
    const { holder } = await holdInChild(db, -1);

    const error = await busy(acquireLock(db, { wait: 300, pollMs: 50 }));

    expect(error.message).toMatch(new RegExp(`^database monitor\\.duckdb is na 0,3 s wachten nog steeds in gebruik door lsp-monitor-proces ${holder.pid} `));
  });

  it('takes over the stale lock of a killed process and says so', async () => {
    const db = database();
    const victim = spawn(process.execPath, ['-e', 'setTimeout(()=>{},60000)'], { stdio: 'ignore' });
    children.push(victim);
    const pid = victim.pid ?? 0;
    const startedAt = '2025-03-03T03:00:00.000Z';
    writeFileSync(`${db}.lock`, JSON.stringify({ pid, hostname: hostname(), startedAt, command: 'lsp-monitor run' }));
    victim.kill('SIGKILL');
    await exited(victim);
    const lines: string[] = [];

    const lock = await acquireLock(db, { log: (line) => lines.push(line) });

    expect(lines).toEqual([`verouderde vergrendeling overgenomen: proces ${pid} (gestart 3 maart 2025 04:00, commando 'lsp-monitor run') draait niet meer`]);
    expect(LockHolder.parse(JSON.parse(readFileSync(`${db}.lock`, 'utf8'))).pid).toBe(process.pid);
    lock.release();
  });

  it('counts a lock from another machine as live', async () => {
    const db = database();
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: 1, hostname: 'rekenserver', startedAt: '2025-03-03T03:00:00.000Z', command: 'lsp-monitor run' }));

    const error = await busy(acquireLock(db));

    expect(error.message).toBe(
      "database monitor.duckdb is in gebruik door lsp-monitor-proces 1 op rekenserver (gestart 3 maart 2025 04:00, commando 'lsp-monitor run'); " +
        `probeer het later opnieuw (draait dat proces niet meer, verwijder dan ${db}.lock)`,
    );
  });

  it('releases the lock when the holder is ended by SIGTERM or SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const db = database();
      const { child } = await holdInChild(db, -1);
      expect(existsSync(`${db}.lock`)).toBe(true);

      child.kill(signal);

      expect(await exited(child)).toEqual({ code: null, signal });
      expect(existsSync(`${db}.lock`)).toBe(false);
    }
  });

  it('is re-entrant within one process', async () => {
    const db = database();
    const outer = await acquireLock(db);
    const inner = await acquireLock(db);

    inner.release();
    expect(existsSync(`${db}.lock`)).toBe(true);
    outer.release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
