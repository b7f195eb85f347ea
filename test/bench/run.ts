/**
 * `npm run bench`: for each size, generate synthetic inventories (generate.ts), then run the
 * pipeline on them in a fresh child process (measure.ts) so that peak memory is per size, and
 * write results/bench-<timestamp>.json and .md. See README.md.
 *
 *   npx tsx test/bench/run.ts [--sizes 1000,10000,100000] [--large] [--out DIR] [--seed S]
 *                             [--year 2030] [--timeout-min 30] [--keep] [--suite]
 * then the command line's timings (cli-timings.ts; --suite adds npm test).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureCliTimings, renderCliTimings } from './cli-timings.ts';
import { DEFAULT_SEED, generateInventories } from './generate.ts';
import { renderMarkdown, type RunMeta } from './measure/markdown.ts';
import { SizeResult } from './measure/result.ts';
import { checkGoals, summarise, type SizeSummary } from './measure/summary.ts';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const LARGE_SIZE = 1_000_000;
const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));
/** Leaves the Excel overview out of the report stage; the child times it apart (measure/overview.ts). */
const WITHOUT_OVERVIEW = new URL('./measure/without-overview.ts', import.meta.url).href;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('./results/', import.meta.url)) },
    seed: { type: 'string', default: DEFAULT_SEED },
    year: { type: 'string', default: '2030' },
    'timeout-min': { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
    suite: { type: 'boolean', default: false },
  },
});
const sizes = [...(values.sizes?.split(',').map((size) => parseSize(size)) ?? DEFAULT_SIZES), ...(values.large ? [LARGE_SIZE] : [])];
const timeoutMs = Number(values['timeout-min']) * 60_000;
const outDir = resolve(values.out);

const meta: RunMeta = {
  startedAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  memoryGb: totalmem() / 1024 ** 3,
  seed: values.seed,
  year: Number(values.year),
};
const results: SizeResult[] = [];
const summaries: SizeSummary[] = [];
for (const records of sizes) {
  const scratch = await mkdtemp(join(tmpdir(), `lsp-bench-${records}-`));
  try {
    const generateStart = performance.now();
    await generateInventories({ records, directory: join(scratch, 'data'), seed: values.seed });
    const generateSeconds = (performance.now() - generateStart) / 1000;
    process.stderr.write(`[${records}] generated in ${generateSeconds.toFixed(1)} s (${scratch})\n`);
    const result = await measureInChild(records, scratch);
    results.push(result);
    summaries.push(summarise(result, generateSeconds));
  } finally {
    if (!values.keep) await rm(scratch, { recursive: true, force: true });
  }
}

const cliTimings = await measureCliTimings({ suite: values.suite });
const markdown = renderMarkdown(meta, results, summaries, checkGoals(summaries)) + renderCliTimings(cliTimings);
const stamp = meta.startedAt.replace(/[:.]/g, '-');
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, `bench-${stamp}.json`), `${JSON.stringify({ meta, summaries, results, cliTimings }, null, 2)}\n`);
await writeFile(join(outDir, `bench-${stamp}.md`), markdown);
process.stdout.write(markdown);
process.stderr.write(`written: ${join(outDir, `bench-${stamp}.json`)} and .md\n`);
if (results.some((result) => result.status !== 'ok')) process.exitCode = 1;

/** Runs measure.ts in a new Node process (with the tsx loader this process runs under). */
async function measureInChild(records: number, scratch: string): Promise<SizeResult> {
  const outFile = join(scratch, 'result.json');
  await mkdir(join(scratch, 'work'), { recursive: true });
  const loader = process.execArgv.length > 0 ? process.execArgv : ['--import', 'tsx'];
  const args = [...loader, '--import', WITHOUT_OVERVIEW, MEASURE, '--data', join(scratch, 'data'), '--work', join(scratch, 'work'), '--out', outFile, '--year', values.year];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  await new Promise<void>((done) => child.on('exit', () => done()));
  clearTimeout(timer);
  const result = existsSync(outFile)
    ? SizeResult.parse(JSON.parse(await readFile(outFile, 'utf8')))
    : emptyResult(records, 'the measuring process wrote no result');
  if (timedOut) return { ...result, status: 'timeout', error: `killed after ${values['timeout-min']} min in stage ${result.lastStage}` };
  if (result.status === 'running') return { ...result, status: 'failed', error: `the measuring process ended during stage ${result.lastStage}` };
  return result;
}

function emptyResult(records: number, error: string): SizeResult {
  return {
    records, status: 'failed', lastStage: 'start', error, stages: {}, imports: [], buildPhases: [], hotspots: [],
    peakRssMbAfter: {}, peakRssMb: 0, notes: [],
  };
}

function parseSize(text: string): number {
  const size = Number(text.trim().replace(/_/g, '').replace(/k$/i, '000'));
  if (!Number.isInteger(size) || size < 10) throw new Error(`--sizes: '${text}' is not a record count (at least 10)`);
  return size;
}
