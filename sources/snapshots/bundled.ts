/**
 * The snapshots bundled with lsp-monitor (this folder is an archive: `<source>/<timestamp>/`
 * beside `<source>/bodies/`), so that every adapter can be run and tested without the network.
 * README.md says how they were made.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import { readSnapshotDir } from './snapshot-dir.ts';

export const BUNDLED_SNAPSHOTS_ROOT = fileURLToPath(new URL('./', import.meta.url));

const SNAPSHOT_FOLDER = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/** The folder of the newest snapshot of a source under an archive root (timestamps sort as text). */
export function newestSnapshotDir(root: string, source: string): string {
  let folders: string[] = [];
  try {
    folders = readdirSync(join(root, source)).filter((name) => SNAPSHOT_FOLDER.test(name));
  } catch {
    // no folder for this source: reported below
  }
  const newest = folders.sort().at(-1);
  if (newest === undefined) throw new MonitorError(`geen snapshot van bron '${source}' in ${root}`);
  return join(root, source, newest);
}

export function readBundledSnapshot(source: string): Promise<Snapshot> {
  return readSnapshotDir(newestSnapshotDir(BUNDLED_SNAPSHOTS_ROOT, source));
}
