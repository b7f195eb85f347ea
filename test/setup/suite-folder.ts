/**
 * vitest globalSetup: one throw-away folder for what the test files of a run share (the 2024
 * monitor that test/helpers/monitor-2024.ts builds once, on first use). At the end it checks that
 * no test wrote into what it shares, and removes the folder.
 *
 * vitest runs this setup once per project (vitest.config.ts has two); both get the same folder, so
 * a set-up one project's files built is not built again for the other's.
 *
 * Before any test, the command line's dist/ is brought up to date once (the bin rebuilds it when a
 * source is newer): otherwise every test that starts lsp-monitor as a process would rebuild it,
 * several at once, and one under `ulimit -f` would fail on that instead of on what it tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** The run's folder and how many projects still use it, kept where every project's copy of this module sees it. */
interface SuiteFolder {
  path: string;
  projects: number;
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
  const created: SuiteFolder = { path: mkdtempSync(join(tmpdir(), 'lsp-monitor-suite-')), projects: 0 };
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
      rmSync(folder.path, { recursive: true, force: true });
    }
  };
}
