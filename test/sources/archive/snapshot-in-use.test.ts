/**
 * Which snapshot is in use when the adapter version changed: a good snapshot approved by another
 * adapter version is parsed again by the current adapter; used when that succeeds, passed over
 * with a Dutch warning when it does not.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotInUse } from '../../../sources/archive/snapshot-in-use.ts';
import { fakeAdapter, page, scratch, storedSnapshot } from './helpers.ts';

const collect = () => {
  const lines: string[] = [];
  return { lines, warn: (line: string) => lines.push(line) };
};

describe('snapshotInUse', () => {
  it('takes the newest good snapshot of the current adapter version as it is, without parsing it', async () => {
    const archive = scratch();
    await storedSnapshot(archive, 's', '2025-03-01T03:00:00Z', page('A'), { good: true, records: 1 });
    const newest = await storedSnapshot(archive, 's', '2025-03-08T03:00:00Z', '<p>niet te lezen, maar goedgekeurd</p>', { good: true, records: 7 });
    const { lines, warn } = collect();

    const inUse = await snapshotInUse(archive, fakeAdapter('s', () => []), warn);

    expect(inUse?.dir).toBe(newest);
    expect(inUse?.reparsedFrom).toBeUndefined();
    expect(inUse?.verdict).toMatchObject({ good: true, records: 7, adapterVersion: 1 });
    expect(lines).toEqual([]);
  });

  it('parses a snapshot approved by an older adapter version again, and uses it with the new counts', async () => {
    const archive = scratch();
    const dir = await storedSnapshot(archive, 's', '2025-03-01T03:00:00Z', page('A', 'B', 'C'), { good: true, records: 99, adapterVersion: 1 });
    const { lines, warn } = collect();

    const inUse = await snapshotInUse(archive, fakeAdapter('s', () => [], { version: 2 }), warn);

    expect(inUse?.dir).toBe(dir);
    expect(inUse?.reparsedFrom).toBe(1);
    expect(inUse?.verdict).toMatchObject({ good: true, adapterVersion: 2, records: 3, rejects: 0 });
    expect(lines).toEqual([]);
  });

  it('passes over an older-version snapshot the current adapter cannot read, with a warning, and takes the next good one', async () => {
    const archive = scratch();
    const older = await storedSnapshot(archive, 's', '2025-02-01T03:00:00Z', page('A'), { good: true, records: 1, adapterVersion: 1 });
    await storedSnapshot(archive, 's', '2025-03-01T03:00:00Z', '<div>oude opbouw</div>', { good: true, records: 4, adapterVersion: 1 });
    const { lines, warn } = collect();

    const inUse = await snapshotInUse(archive, fakeAdapter('s', () => [], { version: 2 }), warn);

    expect(inUse?.dir).toBe(older);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^LET OP: bron s: de momentopname van 1 maart 2025 04:00 is goedgekeurd door adapterversie 1, maar de huidige versie 2 kan hem niet lezen \(bron s: [0-9a-f]{64}\.html heeft geen lijst 'steunpunten' meer; de opbouw van de pagina is veranderd\); hij wordt overgeslagen$/,
    );
  });

  it('has none when no good snapshot can be read; rejected ones never count', async () => {
    const archive = scratch();
    await storedSnapshot(archive, 's', '2025-03-01T03:00:00Z', page('A'), { good: false, reason: 'kapot' });
    await storedSnapshot(archive, 's', '2025-03-02T03:00:00Z', '<p>x</p>', { good: true, records: 1, adapterVersion: 1 });
    const { lines, warn } = collect();

    expect(await snapshotInUse(archive, fakeAdapter('s', () => [], { version: 3 }), warn)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(await snapshotInUse(scratch(), fakeAdapter('s', () => []), warn)).toBeUndefined();
  });

  it('re-parses an asynchronous parse just the same', async () => {
    const archive = scratch();
    const dir = await storedSnapshot(archive, 's', '2025-03-01T03:00:00Z', page('A', 'B'), { good: true, records: 2, adapterVersion: 1 });
    const adapter = fakeAdapter('s', () => [], { version: 2 });
    const asynchronous = { ...adapter, parse: async (snapshot: Parameters<typeof adapter.parse>[0]) => adapter.parse(snapshot) };

    const inUse = await snapshotInUse(archive, asynchronous, () => undefined);

    expect(basename(inUse?.dir ?? '')).toBe(basename(dir));
    expect(inUse?.verdict).toMatchObject({ records: 2, adapterVersion: 2 });
  });
});
