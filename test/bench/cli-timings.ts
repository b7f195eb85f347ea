/**
 * The command line's own timings, as a person meets them: `lsp-monitor --help` (median of 5),
 * `npm run monitor` end to end on a fresh database without the PDF (median of 3) and, with
 * --suite, `npm test` once (minutes). Each in a new process, timed from spawn to exit.
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
  /** `npm test`, once; only with --suite. */
  suiteSeconds?: number;
}

export async function measureCliTimings(options: { suite: boolean; log?: (line: string) => void }): Promise<CliTimings> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Not timed: brings dist/ up to date if a source changed, as the first start after an edit does.
  timed(process.execPath, [CLI, '--version']);
  const helpSeconds = Array.from({ length: 5 }, () => timed(process.execPath, [CLI, '--help']));
  log(`[cli] --help: ${helpSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s`);
  const monitorSeconds = Array.from({ length: 3 }, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lsp-bench-monitor-'));
    try {
      return timed('npm', ['run', 'monitor', '--', '--db', join(scratch, 'monitor.duckdb'), '--reports', join(scratch, 'reports')], { LSP_MONITOR_PDF: 'uit' });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  log(`[cli] npm run monitor: ${monitorSeconds.map((seconds) => seconds.toFixed(2)).join(', ')} s`);
  if (!options.suite) return { helpSeconds, monitorSeconds };
  const suiteSeconds = timed('npm', ['test']);
  log(`[cli] npm test: ${suiteSeconds.toFixed(0)} s`);
  return { helpSeconds, monitorSeconds, suiteSeconds };
}

/** Seconds from spawn to exit; a run that fails is an error, not a timing. */
function timed(command: string, args: readonly string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  return seconds;
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
