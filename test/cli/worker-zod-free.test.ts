/**
 * The report worker loads no zod: loading it cost the worker 0.1-0.2 s of CPU on the bundled
 * monitor, and the worker only needs the word lists (sources/vocabulary.ts) and the year-on-year
 * summaries (pipeline/read/year-diff.ts), which are kept apart from the schemas for that reason.
 * Checked on the bin's 2024 report, with the packages each thread loaded from dist/'s chunks.
 */
import { describe, expect, it } from 'vitest';
import { packagesPerThread, recordedReport2024 } from '../helpers/recorded-report-2024.ts';

describe('the report worker', () => {
  it('loads no zod, while the main thread does (so the check can fail)', async () => {
    const report = await recordedReport2024();
    expect(report.status, report.stderr).toBe(0);
    const threads = packagesPerThread(report.log);
    const workers = [...threads].filter(([id]) => id !== 0).map(([, packages]) => packages);
    expect(workers.length).toBeGreaterThan(0);
    // The worker is the thread that draws: without it, the check below would pass on nothing.
    expect(workers.some((packages) => packages.includes('vega'))).toBe(true);
    for (const packages of workers) expect(packages).not.toContain('zod');
    expect(threads.get(0)).toContain('zod');
  }, 120_000);
});
