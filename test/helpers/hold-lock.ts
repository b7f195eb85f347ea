/**
 * The lock-holding fixture (test/pipeline/lock/hold-lock.ts) as a process of its own, for the tests
 * that need another process holding a database's lock. The fixture is bundled to JavaScript once
 * per test run: started through tsx, each process spent about 0.9 s of CPU compiling before it took
 * the lock, against about 0.2 s for the bundle (the same source, compiled by the same esbuild).
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sharedBuild } from './shared-build.ts';

const FIXTURE = fileURLToPath(new URL('../pipeline/lock/hold-lock.ts', import.meta.url));
const BUNDLE = 'hold-lock.mjs';

async function bundled(): Promise<string> {
  const { folder } = await sharedBuild('hold-lock', async (into) => {
    await build({ entryPoints: [FIXTURE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(into, BUNDLE), logLevel: 'error' });
    return null;
  });
  return join(folder, BUNDLE);
}

/**
 * Starts the fixture on `databasePath`: it takes the lock, prints its holder as one JSON line and
 * holds the lock for `holdMs` milliseconds (-1: until it is killed).
 */
export async function spawnLockHolder(databasePath: string, holdMs: number, stdio: StdioOptions = ['ignore', 'pipe', 'pipe']): Promise<ChildProcess> {
  return spawn(process.execPath, [await bundled(), databasePath, String(holdMs)], { stdio });
}
