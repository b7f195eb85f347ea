/**
 * The command line's own timings, as a person meets them: `lsp-monitor --help` (median of 5),
 * `npm run monitor` end to end on a fresh database without the PDF (median of 3) and, with
 * --suite, `npm test` once (minutes). Each in a new process, timed from spawn to exit. The
 * monitor's CPU time (all its threads: main, the report's worker, DuckDB's, libuv's) is given
 * too, since the wall time of a loaded machine says little: a 2-core machine runs 4 s of CPU in
 * no less than 2 s.
 *
 *   npx tsx test/bench/cli-timings.ts [--suite]     (also part of npm run bench)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'pipeline/cli/lsp-monitor.mjs');

/** The goals of issue 14 §3, in seconds, on the 2-core machine the benchmark runs on. */
export const CLI_GOALS = { help: 0.3, monitor: 2, suite: 180 } as const;

export interface CliTimings {
  helpSeconds: number[];
  monitorSeconds: number[];
  /** CPU seconds (user + system) of the monitor's own process, per run. */
  monitorCpuSeconds: number[];
  /** `npm test`, once; only with --suite. */
  suiteSeconds?: number;
}

export async function measureCliTimings(options: { suite: boolean; log?: (line: string) => void }): Promise<CliTimings> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Not timed: brings dist/ up to date if a source changed, as the first start after an edit does.
  timed(process.execPath, [CLI, '--version']);
  const helpSeconds = Array.from({ length: 5 }, () => timed(process.execPath, [CLI, '--help']));
  log(`[cli] --help: ${helpSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s`);
  const monitorRuns = Array.from({ length: 3 }, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lsp-bench-monitor-'));
    try {
      const args = ['run', 'monitor', '--', '--db', join(scratch, 'monitor.duckdb'), '--reports', join(scratch, 'reports')];
      const { seconds, stderr } = run('npm', args, { LSP_MONITOR_PDF: 'uit', NODE_OPTIONS: withCpuReport(process.env['NODE_OPTIONS']) });
      return { seconds, cpuSeconds: monitorCpu(stderr) };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  const monitorSeconds = monitorRuns.map((entry) => entry.seconds);
  const monitorCpuSeconds = monitorRuns.map((entry) => entry.cpuSeconds);
  log(`[cli] npm run monitor: ${monitorSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s (CPU ${monitorCpuSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s)`);
  if (!options.suite) return { helpSeconds, monitorSeconds, monitorCpuSeconds };
  const suiteSeconds = timed('npm', ['test']);
  log(`[cli] npm test: ${suiteSeconds.toFixed(0)} s`);
  return { helpSeconds, monitorSeconds, monitorCpuSeconds, suiteSeconds };
}

/** Seconds from spawn to exit; a run that fails is an error, not a timing. */
function timed(command: string, args: readonly string[], env: Record<string, string> = {}): number {
  return run(command, args, env).seconds;
}

function run(command: string, args: readonly string[], env: Record<string, string>): { seconds: number; stderr: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return { seconds, stderr: result.stderr };
}

const CPU_LINE = 'lsp-bench-cpu-seconds';

/**
 * Every Node process started with these options writes its CPU seconds (all its threads) to
 * standard error when it exits: npm's and the monitor's own, which exits first.
 */
function withCpuReport(options: string | undefined): string {
  // Not from the report's worker thread, which has the process's options too.
  const report =
    "const { isMainThread } = await import('node:worker_threads'); if (isMainThread) process.on('exit', () => { " +
    `const used = process.cpuUsage(); process.stderr.write('${CPU_LINE} ' + (used.user + used.system) / 1e6 + '\\n'); });`;
  return [options ?? '', `--import=data:text/javascript,${encodeURIComponent(report)}`].join(' ').trim();
}

/** The monitor's CPU seconds: the first report (npm's own comes when npm exits, after it). */
function monitorCpu(stderr: string): number {
  const line = stderr.split('\n').find((text) => text.startsWith(`${CPU_LINE} `));
  if (line === undefined) throw new Error(`the monitor did not report its CPU time:\n${stderr}`);
  return Number(line.slice(CPU_LINE.length + 1));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function renderCliTimings(timings: CliTimings): string {
  const row = (what: string, measured: number, runs: string, goal: number) =>
    `| ${what} | ${measured.toFixed(2)} s | ${runs} | under ${goal} s | ${measured < goal ? 'met' : '**not met**'} |`;
  return [
    '',
    '## Command line',
    '',
    '| what | measured | of | goal | |',
    '|---|---:|---|---|---|',
    row('`lsp-monitor --help`', median(timings.helpSeconds), 'median of 5', CLI_GOALS.help),
    row('`npm run monitor`, fresh database, `LSP_MONITOR_PDF=uit`', median(timings.monitorSeconds), 'median of 3', CLI_GOALS.monitor),
    `| the monitor's CPU time (user + system, all its threads) | ${median(timings.monitorCpuSeconds).toFixed(2)} s | median of 3 | | |`,
    ...(timings.suiteSeconds === undefined
      ? ['| `npm test` | not measured | | under 180 s | run with `--suite` |']
      : [row('`npm test`', timings.suiteSeconds, 'once', CLI_GOALS.suite)]),
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { suite: { type: 'boolean', default: false } } });
  process.stdout.write(renderCliTimings(await measureCliTimings({ suite: values.suite })));
}
