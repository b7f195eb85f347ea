/**
 * Which snapshot of a source is in use: the newest good one. A good verdict only vouches for the
 * adapter version that wrote it, so a good snapshot whose verdict has another `adapterVersion` is
 * parsed again by the current adapter before it is chosen. If that parse fails, the snapshot is
 * passed over with a Dutch warning and the next older good one is tried. Nothing is written: the
 * re-parse is repeated until a fetch with the current adapter gives a new good snapshot.
 */
import type { SourceAdapter } from '../adapter.ts';
import { formatDutchDateTime } from './dutch-date.ts';
import { messageOf } from '../errors.ts';
import { listSnapshots, readSnapshot, type SnapshotInfo } from './read-snapshot.ts';

export type ParsingAdapter = Pick<SourceAdapter, 'id' | 'version' | 'parse'>;

export async function snapshotInUse(
  archiveDir: string,
  adapter: ParsingAdapter,
  warn: (line: string) => void,
): Promise<SnapshotInfo | undefined> {
  const good = (await listSnapshots(archiveDir, adapter.id)).filter((snapshot) => snapshot.status === 'good').reverse();
  for (const snapshot of good) {
    const version = snapshot.verdict?.adapterVersion ?? snapshot.adapterVersion;
    if (version === adapter.version) return snapshot;
    const reparsed = await reparse(snapshot, adapter);
    if ('info' in reparsed) return reparsed.info;
    warn(
      `LET OP: bron ${adapter.id}: de momentopname van ${formatDutchDateTime(snapshot.fetchedAt)} is goedgekeurd door adapterversie ${version}, ` +
        `maar de huidige versie ${adapter.version} kan hem niet lezen (${reparsed.reason}); hij wordt overgeslagen`,
    );
  }
  return undefined;
}

async function reparse(snapshot: SnapshotInfo, adapter: ParsingAdapter): Promise<{ info: SnapshotInfo } | { reason: string }> {
  const parsedAt = new Date().toISOString();
  try {
    const parsed = await adapter.parse(await readSnapshot(snapshot.dir));
    const verdict = { good: true as const, parsedAt, adapterVersion: adapter.version, records: parsed.records.length, rejects: parsed.rejects.length };
    return { info: { ...snapshot, verdict, reparsedFrom: snapshot.verdict?.adapterVersion ?? snapshot.adapterVersion } };
  } catch (error) {
    return { reason: messageOf(error) };
  }
}
