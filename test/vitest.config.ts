import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // A shared folder for set-ups built once per run (test/helpers/shared-build.ts), checked at the end.
    globalSetup: ['test/setup/suite-folder.ts'],
    // vitest leaves one core to itself by default (one worker on a 2-core machine), but it only
    // waits while the files run: every core runs a file. Forks, not threads: DuckDB and
    // LibreOffice are native and a test that SIGKILLs a child must not share a thread pool.
    pool: 'forks',
    maxWorkers: availableParallelism(),
    // End-to-end tests run the real pipeline on DuckDB; generous, but never a speed assertion.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Printing monitor.pdf costs seconds per report; the PDF tests switch it back on (LSP_MONITOR_PDF).
    env: { LSP_MONITOR_PDF: 'uit' },
  },
});
