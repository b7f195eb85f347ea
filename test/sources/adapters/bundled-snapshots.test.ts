/**
 * The bundled snapshots (sources/snapshots/) are an archive read by sources/archive/ itself, and
 * the snapshot replayed offline is the archive's in-use one, else the bundled one.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cbsStatline } from '../../../sources/adapters/cbs-statline.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { nvzh } from '../../../sources/adapters/nvzh.ts';
import { listSnapshots } from '../../../sources/archive/read-snapshot.ts';
import { BUNDLED_SNAPSHOTS_ROOT, readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { snapshotToReplay } from '../../../sources/snapshots/replay.ts';
import { page, scratch, storedSnapshot } from '../archive/helpers.ts';
import { errorOf } from './helpers.ts';

describe('bundled snapshots', () => {
  it.each([mindAtlas, nvzh, cbsStatline])('$id: one good snapshot of the current adapter version, with the default settings recorded', async (adapter) => {
    const snapshots = await listSnapshots(BUNDLED_SNAPSHOTS_ROOT, adapter.id);
    expect(snapshots.map((snapshot) => [snapshot.status, snapshot.verdict?.adapterVersion])).toEqual([['good', adapter.version]]);
    const snapshot = await readBundledSnapshot(adapter.id);
    expect(snapshot.settings).toEqual(adapter.settingsSchema.parse({}));
  });

  it('holds only source folders and the bundle code; no snapshot reader of its own', () => {
    const names = readdirSync(fileURLToPath(new URL('../../../sources/snapshots/', import.meta.url))).sort();
    expect(names).toEqual(['README.md', 'bundled.ts', 'cbs-statline', 'mind-atlas', 'nvzh', 'replay.ts']);
  });

  it('a source without a bundled snapshot is a MonitorError', async () => {
    const error = await errorOf(readBundledSnapshot('vektis-epa'));
    expect(error.message).toBe(`geen meegeleverde momentopname van bron 'vektis-epa' in ${BUNDLED_SNAPSHOTS_ROOT}`);
  });
});

describe('snapshotToReplay', () => {
  it('takes the good snapshot in the archive first', async () => {
    const archive = scratch();
    const dir = await storedSnapshot(archive, 'nvzh', '2025-03-03T03:00:00Z', '[]', { good: true, records: 128 });
    const replay = await snapshotToReplay(nvzh, { archiveDir: archive, warn: () => undefined });
    expect(replay?.from).toBe('archief');
    expect(replay?.info.dir).toBe(dir);
  });

  it('else the bundled one', async () => {
    const archive = scratch();
    await storedSnapshot(archive, 'nvzh', '2025-03-03T03:00:00Z', '[]', { good: false, reason: 'kapot' });
    const replay = await snapshotToReplay(nvzh, { archiveDir: archive, warn: () => undefined });
    expect(replay?.from).toBe('meegeleverd');
    expect(replay?.info.fetchedAt).toBe('2024-10-01T00:00:00.000Z');
  });

  it('none when neither has one', async () => {
    const bundled = scratch();
    await storedSnapshot(bundled, 'andere', '2024-10-01T00:00:00Z', page('A'), { good: true, records: 1 });
    expect(await snapshotToReplay(nvzh, { archiveDir: scratch(), bundledDir: bundled, warn: () => undefined })).toBeUndefined();
  });
});
