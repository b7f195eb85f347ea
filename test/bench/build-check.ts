/**
 * One `buildYear` on a copy of a kept benchmark database (`run.ts --keep`), with its CPU time,
 * peak RSS and a hash of every table the build writes. Two versions of the build compare by the
 * hashes (the same hash: the same rows, in the same stored order) and by CPU time, which a loaded
 * machine inflates far less than wall time.
 *
 *   npx tsx test/bench/build-check.ts --scratch /tmp/lsp-bench-100000-XXXX [--year 2030] [--keep-copy] [--duckdb-memory 512MB] [--memory]
 *
 * `--memory` adds `memoryAtMarks`: RSS, V8's heap, external memory and the rest (MB) at each
 * phase mark, so the peak can be split into V8's and DuckDB's part.
 *
 * `--duckdb-memory` sets DuckDB's memory_limit for the build (its default is 80% of the RAM, so
 * its buffers are never given back during a build): to see what of the peak is DuckDB's.
 *
 * Prints one JSON line: seconds (wall), cpuSeconds (user + system), peakRssMb, hashes, and the
 * CPU seconds from each phase mark of the build (pipeline/phase-mark.ts) to the next.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildYear } from '../../pipeline/build/build-year.ts';
import { createContext } from '../../pipeline/context.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { withLargeInputs } from './measure/large-inputs.ts';
import { peakRssMb } from './measure/memory.ts';
import { PHASE_MARK_PREFIX } from '../../pipeline/phase-mark.ts';

/**
 * The tables a build of one year replaces (clear-build.sql). The appended ones are hashed in their
 * stored order; coverage is written by a parallel INSERT … SELECT, whose stored order varies from
 * run to run with the same rows, so it is hashed sorted.
 */
const BUILD_TABLES = ['location', 'location_member', 'organisation', 'match_pair'] as const;

const { values } = parseArgs({
  options: {
    scratch: { type: 'string' },
    year: { type: 'string', default: '2030' },
    'keep-copy': { type: 'boolean', default: false },
    'duckdb-memory': { type: 'string' },
    memory: { type: 'boolean', default: false },
  },
});
if (!values.scratch) throw new Error('usage: build-check.ts --scratch DIR [--year 2030] [--keep-copy]');
const year = Number(values.year);

// The CPU time at each of the build's phase marks: performance.mark is wrapped, in this process
// only, so the pipeline stays as it runs anywhere else.
const marks: { phase: string; cpu: number }[] = [];
const memoryAtMarks: Record<string, MemoryAt> = {};
const mark = performance.mark.bind(performance);
performance.mark = ((name: string, options?: Parameters<typeof performance.mark>[1]) => {
  if (name.startsWith(PHASE_MARK_PREFIX)) {
    const phase = name.slice(PHASE_MARK_PREFIX.length);
    marks.push({ phase, cpu: cpuSeconds() });
    if (values.memory) memoryAtMarks[phase] = memoryAt();
  }
  return mark(name, options);
}) as typeof performance.mark;

/** MB at a phase mark: RSS split into V8's heap (reserved and used), external and the rest (DuckDB, code, stacks). */
interface MemoryAt {
  /** Milliseconds since the process started, as `--trace-gc` counts them. */
  ms: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  other: number;
}

function memoryAt(): MemoryAt {
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { ms: Math.round(performance.now()), rss: mb(rss), heapTotal: mb(heapTotal), heapUsed: mb(heapUsed), external: mb(external), other: mb(rss - heapTotal - external) };
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
const copyDirectory = await mkdtemp(join(tmpdir(), 'lsp-build-check-'));
const copy = join(copyDirectory, 'bench.duckdb');
await copyFile(join(values.scratch, 'work', 'bench.duckdb'), copy);
try {
  const base = createContext();
  const context = { ...base, config: withLargeInputs(base.config, Number.MAX_SAFE_INTEGER) };
  const result = await withDatabase(copy, async (database) => {
    const memoryLimit = values['duckdb-memory'];
    if (memoryLimit !== undefined) await database.run(`SET memory_limit = $limit`, { limit: memoryLimit });
    const [setting] = await database.query(z.object({ limit: z.string() }), `SELECT current_setting('memory_limit') AS limit`);
    const cpuBefore = cpuSeconds();
    const start = performance.now();
    await buildYear(database, context, year);
    const seconds = (performance.now() - start) / 1000;
    const cpuEnd = cpuSeconds();
    if (values.memory) memoryAtMarks.end = memoryAt();
    const phases = Object.fromEntries(
      [{ phase: 'prepare', cpu: cpuBefore }, ...marks].map((entry, index, all) => [
        entry.phase,
        Number(((all[index + 1]?.cpu ?? cpuEnd) - entry.cpu).toFixed(2)),
      ]),
    );
    const peak = peakRssMb();
    // Hashing a million rows as one text needs more than the build's limit (1 GB by default); the
    // build's peak is taken above, so the limit is raised for the hashes only.
    await database.run(`SET memory_limit = '8GB'`);
    const hashes: Record<string, string> = {};
    for (const table of BUILD_TABLES) {
      // Our own table names only; the year is a parameter. rowid keeps the stored order.
      const [row] = await database.query(
        z.object({ rows: z.number(), hash: z.string().nullable() }),
        `SELECT count(*)::DOUBLE AS rows, md5(string_agg(t::VARCHAR, chr(10) ORDER BY rowid)) AS hash FROM ${table} t WHERE year = $year`,
        { year },
      );
      hashes[table] = `${row?.rows ?? 0} ${row?.hash ?? ''}`;
    }
    const [coverage] = await database.query(
      z.object({ rows: z.number(), hash: z.string().nullable() }),
      `SELECT count(*)::DOUBLE AS rows, md5(string_agg(t::VARCHAR, chr(10) ORDER BY t::VARCHAR)) AS hash FROM coverage t WHERE year = $year`,
      { year },
    );
    hashes.coverage = `${coverage?.rows ?? 0} ${coverage?.hash ?? ''} (sorted)`;
    return { seconds, cpuSeconds: cpuEnd - cpuBefore, peakRssMb: peak, duckdbMemoryLimit: setting?.limit, phases, hashes, ...(values.memory ? { memoryAtMarks } : {}) };
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  if (!values['keep-copy']) await rm(copyDirectory, { recursive: true, force: true });
}
