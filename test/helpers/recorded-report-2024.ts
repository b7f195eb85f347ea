/**
 * The 2024 report as the command a user runs writes it (the bundle in dist/, a process of its
 * own), with the modules each of its threads loaded recorded (test/e2e/record-thread-imports.mjs):
 * made once per test run for the tests that check which bundled packages a report loads
 * (test/cli/bundled-packages.test.ts) and in which thread (test/e2e/report-worker.test.ts), which
 * each started this same process. Read only.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scratchDir } from './cli.ts';
import { monitor2024Database } from './monitor-2024.ts';
import { sharedBuild } from './shared-build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'pipeline/cli/lsp-monitor.mjs');
const RECORDER = join(ROOT, 'test/e2e/record-thread-imports.mjs');
const DIST_URL = new URL('dist/', `file://${ROOT}`).href;

export interface RecordedReport {
  /** The process's exit code and what it wrote to standard error. */
  status: number | null;
  stderr: string;
  /** The report folder it wrote. */
  out: string;
  /** The base name of its module logs, one per thread: `<log>.<threadId>` (0: the main thread). */
  log: string;
}

export async function recordedReport2024(): Promise<RecordedReport> {
  const { folder, value } = await sharedBuild('recorded-report-2024', async (into) => {
    // The database is the process's own copy, outside what the tests read.
    const database = await monitor2024Database(scratchDir());
    const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, 'report', '--year', '2024', '--db', database, '--out', join(into, 'rapport')], {
      encoding: 'utf8',
      env: { ...process.env, LSP_MONITOR_IMPORT_LOG: join(into, 'modules.log'), LSP_MONITOR_PDF: 'uit' },
    });
    return { status: result.status, stderr: result.stderr };
  });
  return { ...value, out: join(folder, 'rapport'), log: join(folder, 'modules.log') };
}

/** Per thread (0: the main thread), the packages whose bundled code it loaded from the chunks of dist/ (dist/build.json). */
export function packagesPerThread(log: string): Map<number, string[]> {
  const manifest = z
    .object({ packages: z.record(z.string(), z.array(z.string())) })
    .parse(JSON.parse(readFileSync(join(ROOT, 'dist/build.json'), 'utf8')));
  const logs = readdirSync(dirname(log)).filter((name) => name.startsWith(`${basename(log)}.`));
  return new Map(
    logs.map((name) => {
      const chunks = readFileSync(join(dirname(log), name), 'utf8')
        .split('\n')
        .filter((url) => url.startsWith(DIST_URL))
        .map((url) => url.slice(DIST_URL.length));
      return [Number(name.split('.').pop()), [...new Set(chunks.flatMap((chunk) => manifest.packages[chunk] ?? []))].sort()];
    }),
  );
}
