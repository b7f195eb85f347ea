import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { MeasuredDurationSequencer } from './setup/file-order.ts';

/**
 * Files that replace modules (vi.mock): each gets fresh modules and mocks. A file that fakes the
 * clock or sets an environment variable puts it back in a `finally` and runs with the others (a
 * worker runs one file at a time). The apart group has a pool of its own (worker threads: no
 * file there starts a process), which vitest runs beside the forks from the start; in the same pool as
 * the others it ran after all of them were done, on workers started again.
 */
const APART = [
  'test/sources/fetch/fetch-command.test.ts',
  'test/pipeline/schedule/schedule-command.test.ts',
  'test/outputs/site/computed-maps.test.ts',
];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    // A shared folder for set-ups built once per run (test/helpers/shared-build.ts), checked at the end.
    globalSetup: ['test/setup/suite-folder.ts'],
    // vitest leaves one core to itself by default (one worker on a 2-core machine), but it only
    // waits while the files run: every core runs files. Forks, not threads: DuckDB, LibreOffice and
    // Chromium are native, and tests SIGKILL the processes they start.
    pool: 'forks',
    maxWorkers: availableParallelism(),
    // A worker runs file after file without loading the pipeline, DuckDB, exceljs and vega again for
    // each: that loading was half of the suite's time. Files in APART still get fresh modules.
    isolate: false,
    // Longest file first, from durations measured earlier (setup/file-order.ts): on a clean clone
    // vitest has none of its own and orders by file size, which is not how long a file takes.
    sequence: { sequencer: MeasuredDurationSequencer },
    // End-to-end tests run the real pipeline on DuckDB; generous, but never a speed assertion.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Printing monitor.pdf costs seconds per report; the PDF tests switch it back on (LSP_MONITOR_PDF).
    // Two workers already keep both cores busy: DuckDB's second thread per worker only adds
    // switching (four e2e files, in turns: 64-73 s CPU with it, 58-62 s without).
    // DuckDB's allocator (jemalloc, set up by DuckDB to decay in seconds) gives freed pages back to
    // the system, and the next database a worker opens faults them in again: a worker runs hundreds
    // of small builds one after the other. Kept until an instance closes instead (closing still
    // gives them back: attached-file.test.ts), the DuckDB-heavy files took 6 % less CPU and 7 %
    // fewer page faults (four pairs in turns). Users' runs keep DuckDB's default: one process, one
    // database.
    env: { LSP_MONITOR_PDF: 'uit', LSP_MONITOR_DRADEN: '1', DUCKDB_JE_MALLOC_CONF: 'dirty_decay_ms:-1,muzzy_decay_ms:-1' },
    projects: [
      { extends: true, test: { name: 'apart', include: APART, isolate: true, pool: 'threads' } },
      { extends: true, test: { name: 'gedeeld', include: ['test/**/*.test.ts'], exclude: APART } },
    ],
  },
});
