/**
 * vitest globalSetup: one throw-away folder for what the test files of a run share (the 2024
 * monitor that test/helpers/monitor-2024.ts builds once, on first use). At the end it checks that
 * no test wrote into what it shares, and removes the folder.
 *
 * The run's temporary files go in one folder too: TMPDIR points into it before the workers start
 * (vitest hands them its environment), so every scratch folder a test makes, and everything the
 * processes it starts put in the temporary folder, is removed with it at the end. Before, scratch
 * folders stayed behind (up to 175 MB each) and thousands of them filled the disk. A run that was
 * killed cannot clean up after itself; the next run removes such a run's folder (its process is
 * gone).
 *
 * vitest runs this setup once per project (vitest.config.ts has two); both get the same folder, so
 * a set-up one project's files built is not built again for the other's.
 *
 * Before any test, the command line's dist/ is brought up to date once (the bin rebuilds it when a
 * source is newer): otherwise every test that starts lsp-monitor as a process would rebuild it,
 * several at once, and one under `ulimit -f` would fail on that instead of on what it tests.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { checkSharedUnchanged } from './shared-fingerprint.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder shared by every test file of this run (see test/helpers/shared-build.ts). */
    suiteFolder: string;
  }
}

const CLI = fileURLToPath(new URL('../../pipeline/cli/lsp-monitor.mjs', import.meta.url));

/** The run's folders and how many projects still use them, kept where every project's copy of this module sees it. */
interface SuiteFolder {
  /** Everything the run writes to the temporary folder; removed at the end. */
  runRoot: string;
  /** The shared set-ups, inside `runRoot`. */
  path: string;
  projects: number;
  /** TMPDIR as it was before the run, put back at the end. */
  previousTmpdir: string | undefined;
}

const RUN_ROOT_PREFIX = 'lsp-monitor-tests-';

/** Removes the folders of earlier runs whose process is gone (a killed run could not remove its own). */
export function removeAbandonedRunRoots(parent: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(RUN_ROOT_PREFIX)) continue;
    const pid = Number(name.slice(RUN_ROOT_PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const KEY = Symbol.for('lsp-monitor.test.suiteFolder');
const registry = globalThis as { [KEY]?: SuiteFolder };

function openSuiteFolder(): SuiteFolder {
  const open = registry[KEY];
  if (open !== undefined) return open;
  const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    // Not fatal: the tests that run lsp-monitor as a process fail with its own message.
    process.stderr.write(`lsp-monitor --version failed before the tests (${version.status ?? version.signal}):\n${version.stderr}\n`);
  }
  const parent = tmpdir();
  removeAbandonedRunRoots(parent);
  const runRoot = mkdtempSync(join(parent, `${RUN_ROOT_PREFIX}${process.pid}-`));
  // Searchable by others as the temporary folder is: a test runs the bin as another user in a
  // checkout it copies here (test/cli/stale-dist.test.ts). The folders inside stay private.
  chmodSync(runRoot, 0o755);
  const path = join(runRoot, 'shared');
  mkdirSync(path);
  const created: SuiteFolder = { runRoot, path, projects: 0, previousTmpdir: process.env.TMPDIR };
  process.env.TMPDIR = runRoot;
  registry[KEY] = created;
  return created;
}

export default function setup(project: TestProject): () => void {
  const folder = openSuiteFolder();
  folder.projects += 1;
  project.provide('suiteFolder', folder.path);
  return () => {
    folder.projects -= 1;
    if (folder.projects > 0) return;
    delete registry[KEY];
    try {
      checkSharedUnchanged(folder.path);
    } finally {
      if (folder.previousTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = folder.previousTmpdir;
      rmSync(folder.runRoot, { recursive: true, force: true });
    }
  };
}
