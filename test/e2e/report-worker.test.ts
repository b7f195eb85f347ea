/**
 * The command a user runs (the bundle in dist/) renders a report's figures and site in a worker
 * thread (outputs/report-renderer.ts); in-process tests run the same functions in their own
 * thread. Here the built bin writes the 2024 report: the main thread loads no vega or d3-geo, a
 * worker thread does, and the report is the committed one byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { packagesPerThread, recordedReport2024, type RecordedReport } from '../helpers/recorded-report-2024.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DRAWING = ['vega', 'vega-lite', 'd3-geo'];

describe('the built command renders figures and site in a worker thread', () => {
  /** The bin's report of 2024, its modules recorded per thread (made once per run, shared with bundled-packages.test.ts). */
  let report: RecordedReport;

  beforeAll(async () => {
    report = await recordedReport2024();
  }, 120_000);

  it('writes the committed reports/2024 byte for byte', () => {
    expect(report.status, report.stderr).toBe(0);
    const out = report.out;
    const committed = join(ROOT, 'reports/2024');
    const files = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((name) => /\.(csv|md|html|svg|css|js)$/.test(name)).sort();
    expect(files(out)).toEqual(files(committed));
    for (const name of files(committed)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(committed, name), 'utf8'));
  });

  it('draws in a worker: the main thread loads none of vega, vega-lite, d3-geo; another thread does', () => {
    const threads = packagesPerThread(report.log);
    expect(threads.get(0)?.filter((name) => DRAWING.includes(name))).toEqual([]);
    const workers = [...threads].filter(([id]) => id !== 0).map(([, packages]) => packages);
    expect(workers.some((packages) => DRAWING.every((name) => packages.includes(name)))).toBe(true);
  });
});
