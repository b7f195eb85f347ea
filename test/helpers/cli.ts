/** Runs the real CLI in-process against a throw-away database, capturing what it prints. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../pipeline/cli/main.ts';
import { COMMANDS } from '../../pipeline/cli/registry.ts';

// Commands load when they run; in-process tests load them up front, so a test's timing (a kill
// mid-build) does not include transforming their modules.
await Promise.all(COMMANDS.map((command) => command.load()));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export function scratchDir(prefix = 'lsp-monitor-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
