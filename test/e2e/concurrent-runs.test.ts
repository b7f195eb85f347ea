/**
 * Two lsp-monitor processes on one database: the second is refused with who holds it, or waits
 * with --wait; a lock left by a killed process is taken over.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { spawnLockHolder } from '../helpers/hold-lock.ts';

const children: ChildProcess[] = [];

async function holdLockFor(db: string, ms: number): Promise<ChildProcess> {
  const child = await spawnLockHolder(db, ms, ['ignore', 'pipe', 'inherit']);
  children.push(child);
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('concurrent runs on one database', () => {
  it('refuses a second run with a message naming the process that holds the database', async () => {
    const db = join(scratchDir(), 'monitor.duckdb');
    const holder = await holdLockFor(db, -1);
    const result = await runCli(['build', '--year', '2024', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^fout: database monitor\\.duckdb is in gebruik door lsp-monitor-proces ${holder.pid} \\(gestart .+, commando 'lsp-monitor testproces'\\); probeer het later opnieuw`),
    );
  });

  it('waits with --wait until the other process is done', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    const file = join(scratch, 'lijst.csv');
    writeFileSync(file, 'naam,gemeente\nInloop Zeist,Zeist\n');
    await holdLockFor(db, 1500);
    const result = await runCli(['import', file, '--year', '2025', '--db', db, '--wait', '30']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('takes over a lock left behind by a killed process', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    const file = join(scratch, 'lijst.csv');
    writeFileSync(file, 'naam,gemeente\nInloop Zeist,Zeist\n');
    const holder = await holdLockFor(db, -1);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const result = await runCli(['import', file, '--year', '2025', '--db', db]);
    expect(result.code).toBe(0);
  });
});
