import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './cli.ts';
import { databaseState, queryRows, snapshotOf, stateComparedTo, type DatabaseSnapshot } from './database-state.ts';

describe('stateComparedTo', () => {
  const dir = scratchDir();
  const original = join(dir, 'origineel.duckdb');
  let snapshot: DatabaseSnapshot;
  let n = 0;
  const copy = () => {
    const path = join(dir, `kopie-${(n += 1)}.duckdb`);
    copyFileSync(original, path);
    return path;
  };

  beforeAll(async () => {
    await queryRows(original, 'CREATE TABLE t AS SELECT range AS i, md5(range::VARCHAR) AS s FROM range(60000)');
    snapshot = await snapshotOf(original);
    // More than one chunk of the comparison (1 MiB), so a difference after the first is looked for too.
    expect(snapshot.bytes.length).toBeGreaterThan((1 << 20) + 8);
  });

  it('gives the snapshot’s state for a copy that still holds its bytes, without opening it', async () => {
    expect(await stateComparedTo(copy(), snapshot)).toBe(snapshot.state);
  });

  it('reads a copy changed through DuckDB table by table', async () => {
    const changed = copy();
    await queryRows(changed, 'INSERT INTO t VALUES (-1, NULL)');
    const state = await stateComparedTo(changed, snapshot);
    expect(state).not.toBe(snapshot.state);
    expect(state).toEqual(await databaseState(changed));
    expect(state['t']?.rows).toBe(60_001);
  });

  it('does not take a copy with one byte changed, anywhere in the file, for the original', async () => {
    const size = snapshot.bytes.length;
    for (const position of [0, Math.floor(size / 2), (1 << 20) + 7, size - 1]) {
      const path = copy();
      const bytes = readFileSync(path);
      bytes[position] = bytes[position]! ^ 0xff;
      writeFileSync(path, bytes);
      const outcome = await stateComparedTo(path, snapshot).catch((error: unknown) => error);
      expect(outcome, `byte ${position}`).not.toBe(snapshot.state);
    }
  });

  it('does not take a longer or shorter file for the original', async () => {
    for (const bytes of [Buffer.concat([snapshot.bytes, Buffer.alloc(1)]), snapshot.bytes.subarray(0, -1)]) {
      const path = copy();
      writeFileSync(path, bytes);
      const outcome = await stateComparedTo(path, snapshot).catch((error: unknown) => error);
      expect(outcome).not.toBe(snapshot.state);
    }
  });
});
