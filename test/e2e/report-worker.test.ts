/**
 * The command a user runs (the bundle in dist/) renders a report's figures and site in a worker
 * thread (outputs/report-renderer.ts); in-process tests run the same functions in their own
 * thread. Here the built bin writes the 2024 report: the main thread loads no vega or d3-geo, a
 * worker thread does, and the report is the committed one byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scratchDir } from '../helpers/cli.ts';
import { monitor2024Database } from '../helpers/monitor-2024.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'pipeline/cli/lsp-monitor.mjs');
const RECORDER = join(ROOT, 'test/e2e/record-thread-imports.mjs');
const DIST_URL = new URL('dist/', `file://${ROOT}`).href;
const DRAWING = ['vega', 'vega-lite', 'd3-geo'];

/** Per thread (0: the main thread), the packages whose bundled code it loaded. */
function packagesPerThread(log: string): Map<number, string[]> {
  const manifest = z
    .object({ packages: z.record(z.string(), z.array(z.string())) })
    .parse(JSON.parse(readFileSync(join(ROOT, 'dist/build.json'), 'utf8')));
  const logs = readdirSync(join(log, '..')).filter((name) => name.startsWith(`${log.split('/').pop()}.`));
  return new Map(
    logs.map((name) => {
      const chunks = readFileSync(join(log, '..', name), 'utf8')
        .split('\n')
        .filter((url) => url.startsWith(DIST_URL))
        .map((url) => url.slice(DIST_URL.length));
      return [Number(name.split('.').pop()), [...new Set(chunks.flatMap((chunk) => manifest.packages[chunk] ?? []))].sort()];
    }),
  );
}

describe('the built command renders figures and site in a worker thread', () => {
  const scratch = scratchDir();
  const log = join(scratch, 'modules.log');
  const out = join(scratch, 'rapport');
  let result: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    const database = await monitor2024Database(scratch);
    result = spawnSync(process.execPath, ['--import', RECORDER, CLI, 'report', '--year', '2024', '--db', database, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, LSP_MONITOR_IMPORT_LOG: log, LSP_MONITOR_PDF: 'uit' },
    });
  }, 120_000);

  it('writes the committed reports/2024 byte for byte', () => {
    expect(result.status, String(result.stderr)).toBe(0);
    const committed = join(ROOT, 'reports/2024');
    const files = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((name) => /\.(csv|md|html|svg|css|js)$/.test(name)).sort();
    expect(files(out)).toEqual(files(committed));
    for (const name of files(committed)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(committed, name), 'utf8'));
  });

  it('draws in a worker: the main thread loads none of vega, vega-lite, d3-geo; another thread does', () => {
    const threads = packagesPerThread(log);
    expect(threads.get(0)?.filter((name) => DRAWING.includes(name))).toEqual([]);
    const workers = [...threads].filter(([id]) => id !== 0).map(([, packages]) => packages);
    expect(workers.some((packages) => DRAWING.every((name) => packages.includes(name)))).toBe(true);
  });
});
