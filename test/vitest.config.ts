import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the real pipeline on DuckDB; generous, but never a speed assertion.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Printing monitor.pdf costs seconds per report; the PDF tests switch it back on (LSP_MONITOR_PDF).
    env: { LSP_MONITOR_PDF: 'uit' },
  },
});
