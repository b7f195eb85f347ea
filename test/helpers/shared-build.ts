/**
 * An expensive set-up built once per test run and shared by every test file that asks for it.
 * The first file to ask builds it (in its own worker, into `<suite folder>/<name>/built/`); a file
 * in another worker asking meanwhile waits for it. Without the suite's globalSetup (a file run
 * with another config) each process builds its own.
 *
 * What is shared is read-only: tests copy what they change (see monitor-2024.ts). The suite's
 * teardown fails the run if a shared folder changed (test/setup/shared-fingerprint.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { DONE_FILE, fingerprint, type Done } from '../setup/shared-fingerprint.ts';

const FAILED_FILE = 'failed.txt';
/** Longer than any build the suite shares takes on a busy 2-core machine. */
const WAIT_MS = 15 * 60_000;

const inProcess = new Map<string, Promise<{ folder: string; value: unknown }>>();
let ownSuiteFolder: string | undefined;

function suiteFolder(): string {
  const provided = inject('suiteFolder');
  if (provided !== undefined) return provided;
  ownSuiteFolder ??= mkdtempSync(join(tmpdir(), 'lsp-monitor-suite-'));
  return ownSuiteFolder;
}

/**
 * The folder `build` filled and the JSON value it returned, built once per run under `name`.
 * `build` gets an empty folder and must leave in it only what the tests may read.
 */
export function sharedBuild<T>(name: string, build: (folder: string) => Promise<T>): Promise<{ folder: string; value: T }> {
  let pending = inProcess.get(name);
  if (pending === undefined) {
    pending = buildOrWait(name, build);
    inProcess.set(name, pending);
  }
  return pending as Promise<{ folder: string; value: T }>;
}

async function buildOrWait<T>(name: string, build: (folder: string) => Promise<T>): Promise<{ folder: string; value: T }> {
  const root = join(suiteFolder(), name);
  const folder = join(root, 'built');
  try {
    mkdirSync(root); // atomic: exactly one worker gets to build
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { folder, value: await waitFor<T>(root, name) };
  }
  try {
    mkdirSync(folder);
    const value = await build(folder);
    const done: Done<T> = { fingerprint: fingerprint(folder), value };
    writeFileSync(join(root, `${DONE_FILE}.tmp`), JSON.stringify(done));
    renameSync(join(root, `${DONE_FILE}.tmp`), join(root, DONE_FILE));
    return { folder, value };
  } catch (error) {
    writeFileSync(join(root, FAILED_FILE), error instanceof Error ? (error.stack ?? error.message) : String(error));
    throw error;
  }
}

async function waitFor<T>(root: string, name: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(join(root, DONE_FILE))) return (JSON.parse(readFileSync(join(root, DONE_FILE), 'utf8')) as Done<T>).value;
    if (existsSync(join(root, FAILED_FILE))) throw new Error(`the shared build '${name}' failed in another test file:\n${readFileSync(join(root, FAILED_FILE), 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the shared build '${name}' did not finish within ${WAIT_MS / 60_000} minutes (its worker may have died)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
