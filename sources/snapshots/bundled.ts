/**
 * Where the snapshots bundled with lsp-monitor live: this folder is an archive in the layout of
 * sources/archive/ (`<source>/<timestamp>/` beside `<source>/bodies/`), read and written by that
 * code only. README.md says how they were made.
 */
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../adapter.ts';
import { latestGoodSnapshot, readSnapshot } from '../archive/read-snapshot.ts';
import { MonitorError } from '../errors.ts';

export const BUNDLED_SNAPSHOTS_ROOT = fileURLToPath(new URL('./', import.meta.url));

/** The newest good bundled snapshot of a source, its bodies checked against the manifest. */
export async function readBundledSnapshot(source: string): Promise<Snapshot> {
  const info = await latestGoodSnapshot(BUNDLED_SNAPSHOTS_ROOT, source);
  if (info === undefined) throw new MonitorError(`geen meegeleverde momentopname van bron '${source}' in ${BUNDLED_SNAPSHOTS_ROOT}`);
  return readSnapshot(info.dir);
}
