/**
 * Runs the real CLI as its own process, paused at a named moment of pipeline/test-pause.ts
 * (environment variable LSP_MONITOR_TEST_PAUSE), and kills it with SIGKILL once it is there.
 *
 * The crash tests start their independent kills together (each on its own copy of a database or
 * folder) with `startKill`, and check each one after: the processes spend most of their time
 * starting up and working towards the pause, which then overlaps instead of adding up.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../pipeline/cli/lsp-monitor.mjs', import.meta.url));

export interface KilledRun {
  /** Everything the process printed (stdout and stderr together) before it was killed. */
  output: string;
}

/** Resolves once the process printed `test-pauze: <moment>` and then died of SIGKILL; rejects if it ended any other way. */
export function killAt(moment: string, args: readonly string[], timeoutMs = 90_000): Promise<KilledRun> {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LSP_MONITOR_TEST_PAUSE: moment },
  });
  const marker = `test-pauze: ${moment}`;
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`never reached ${moment}:\n${output}`));
    }, timeoutMs);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) child.kill('SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && output.includes(marker)) done({ output });
      else fail(new Error(`ended (${code ?? signal}) before ${moment}:\n${output}`));
    });
  });
}

/**
 * killAt, started now and awaited later by the test that checks it. Its failure is reported by
 * that test (the await rejects), not as an unhandled rejection while other tests run.
 */
export function startKill(moment: string, args: readonly string[], timeoutMs?: number): Promise<KilledRun> {
  const run = killAt(moment, args, timeoutMs);
  run.catch(() => undefined);
  return run;
}
