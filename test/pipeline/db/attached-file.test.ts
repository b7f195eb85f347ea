/**
 * A database file is attached to the process's one DuckDB instance while it is open
 * (attached-file.ts): each open database sees only its own tables, a path with quotes in it is
 * the path, and closing checkpoints the file and lets it go, as closing an instance did.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stringLiteral } from '../../../pipeline/db/attached-file.ts';
import { MonitorDatabase, withDatabase } from '../../../pipeline/db/database.ts';
import { scratchDir } from '../../helpers/cli.ts';

const Value = z.object({ value: z.string() });
const readX = (database: MonitorDatabase) => database.query(Value, `SELECT value FROM meta WHERE key = 'x'`);

describe('a database attached while it is open', () => {
  it('quotes a path as a SQL string: quotes doubled, a NUL refused', () => {
    expect(stringLiteral('/data/monitor.duckdb')).toBe(`'/data/monitor.duckdb'`);
    expect(stringLiteral(`/data/it's "here"/m.duckdb`)).toBe(`'/data/it''s "here"/m.duckdb'`);
    expect(() => stringLiteral('/data/m\0.duckdb')).toThrow('NUL');
  });

  it('opens, writes and reopens a file whose path holds quotes and a semicolon', async () => {
    const folder = join(scratchDir('attached'), `it's "here"; DROP TABLE meta`);
    mkdirSync(folder);
    const path = join(folder, "monitor's.duckdb");
    await withDatabase(path, (database) => database.transaction(() => database.setMeta('x', 'geschreven')));
    expect(existsSync(path)).toBe(true);
    expect(await withDatabase(path, readX)).toEqual([{ value: 'geschreven' }]);
  });

  it('gives two databases open at once each its own tables', async () => {
    const folder = scratchDir('attached');
    const first = await MonitorDatabase.open(join(folder, 'een.duckdb'));
    const second = await MonitorDatabase.open(join(folder, 'twee.duckdb'));
    try {
      await first.transaction(() => first.setMeta('x', 'een'));
      await second.transaction(() => second.setMeta('x', 'twee'));
      expect(await readX(first)).toEqual([{ value: 'een' }]);
      expect(await readX(second)).toEqual([{ value: 'twee' }]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('closes once: a second close does nothing', async () => {
    const database = await MonitorDatabase.open(join(scratchDir('attached'), 'monitor.duckdb'));
    await database.close();
    await expect(database.close()).resolves.toBeUndefined();
  });

  it('names a file opened twice in one process as in use, in Dutch', async () => {
    const path = join(scratchDir('attached'), 'monitor.duckdb');
    const first = await MonitorDatabase.open(path);
    try {
      await expect(MonitorDatabase.open(path)).rejects.toThrow('database monitor.duckdb is in gebruik door een ander lsp-monitor-proces; wacht tot dat klaar is');
    } finally {
      await first.close();
    }
    await (await MonitorDatabase.open(path)).close();
  });

  it("spills what does not fit in memory beside each database, as an instance of the file's own did", async () => {
    const spilled = async (path: string) =>
      withDatabase(
        path,
        async (database) => {
          await database.run(`CREATE TEMP TABLE gesorteerd AS SELECT repeat(range::VARCHAR, 12) AS tekst FROM range(600000) ORDER BY tekst DESC`);
          return existsSync(`${path}.tmp`);
        },
        { memoryLimit: '32MB' },
      );
    const first = join(scratchDir('attached'), 'een.duckdb');
    const second = join(scratchDir('attached'), 'twee.duckdb');
    expect(await spilled(first)).toBe(true);
    expect(await spilled(second)).toBe(true);
  });

  it('closing writes the log into the file and lets another process open it', async () => {
    const path = join(scratchDir('attached'), 'monitor.duckdb');
    await withDatabase(path, (database) => database.transaction(() => database.setMeta('x', 'vastgelegd')));
    expect(existsSync(`${path}.wal`)).toBe(false);
    // A process of its own: DuckDB's lock on the file is per process, so only another one can tell it is gone.
    const script = `import { DuckDBInstance } from '@duckdb/node-api';
      const instance = await DuckDBInstance.create(process.argv[1]);
      const rows = (await (await instance.connect()).runAndReadAll("SELECT value FROM meta WHERE key = 'x'")).getRows();
      process.stdout.write(JSON.stringify(rows));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, path], { cwd: process.cwd(), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([['vastgelegd']]);
  });

  it('gives back what large work took when the last file is closed, as closing an instance did', async () => {
    const outsideV8 = () => {
      const { rss, heapTotal, external } = process.memoryUsage();
      return (rss - heapTotal - external) / 1024 / 1024;
    };
    const before = outsideV8();
    let during = 0;
    await withDatabase(join(scratchDir('attached'), 'groot.duckdb'), async (database) => {
      await database.run(`CREATE TEMP TABLE groot AS SELECT repeat(range::VARCHAR, 60) AS tekst FROM range(450000) ORDER BY tekst DESC`);
      during = outsideV8();
    });
    // More than the 256 MB past which the instance is closed (attached-file.ts); DuckDB's allocator
    // kept some 700 MB after a million-record build until its instance closed.
    expect(during - before).toBeGreaterThan(256);
    expect(outsideV8() - before).toBeLessThan(100);
  });
});
