/**
 * The bin never runs code older than its sources: when dist/ is out of date and may not be
 * written (installed by another user), it says so in one Dutch line instead of running it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A checkout holding the bin, a source and a dist/ built from an older version of that source. */
function checkoutWithStaleDist(): { root: string; dist: string } {
  const root = scratchDir();
  chmodSync(root, 0o755);
  const cli = join(root, 'pipeline/cli');
  mkdirSync(cli, { recursive: true });
  for (const file of ['lsp-monitor.mjs', 'build.mjs']) copyFileSync(join(ROOT, 'pipeline/cli', file), join(cli, file));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(cli, 'main.ts'), "export async function main(): Promise<number> {\n  console.log('nieuw');\n  return 0;\n}\n");
  const dist = join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'lsp-monitor.js'), "export async function main() {\n  console.log('oud');\n  return 0;\n}\n");
  writeFileSync(join(dist, 'build.json'), `${JSON.stringify({ inputs: { 'pipeline/cli/main.ts': 0 } })}\n`);
  chmodSync(dist, 0o555);
  return { root, dist };
}

/** As root (who may write anywhere) the bin runs as the user nobody, otherwise as the user running the tests. */
function runBin(root: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const command = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0]!, [...command.slice(1), join(root, 'pipeline/cli/lsp-monitor.mjs'), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a dist/ older than its sources', () => {
  it('that may not be written: one Dutch line, and the old code does not run', () => {
    const { root, dist } = checkoutWithStaleDist();
    const result = runBin(root, ['--help']);
    expect(result.stdout).not.toContain('oud');
    expect(result.stderr).toBe(
      `fout: de gebouwde versie van lsp-monitor (${dist}) is ouder dan de broncode en u mag daar niet schrijven; laat de eigenaar van lsp-monitor 'npm run build' draaien\n`,
    );
    expect(result.code).toBe(1);
  });

  it('that may be written: built again, and the new code runs', () => {
    const { root, dist } = checkoutWithStaleDist();
    chmodSync(dist, 0o777);
    const result = runBin(root, ['--help']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('nieuw\n');
  });
});
