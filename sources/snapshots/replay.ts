/**
 * The snapshot of a source that is replayed without the network: the one in use in the archive
 * (the newest good one, re-parsed when an older adapter version approved it; see
 * ../archive/snapshot-in-use.ts), else the bundled one, chosen by the same rule.
 */
import { type ParsingAdapter, snapshotInUse } from '../archive/snapshot-in-use.ts';
import type { SnapshotInfo } from '../archive/read-snapshot.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from './bundled.ts';

export interface ReplaySnapshot {
  /** archief: from the archive `lsp-monitor fetch --online` writes; meegeleverd: bundled with lsp-monitor. */
  from: 'archief' | 'meegeleverd';
  info: SnapshotInfo;
}

export interface ReplayOptions {
  archiveDir: string;
  /** Default: sources/snapshots/. */
  bundledDir?: string;
  /** Where the warning about a snapshot passed over goes. */
  warn: (line: string) => void;
}

export async function snapshotToReplay(adapter: ParsingAdapter, options: ReplayOptions): Promise<ReplaySnapshot | undefined> {
  const archived = await snapshotInUse(options.archiveDir, adapter, options.warn);
  if (archived !== undefined) return { from: 'archief', info: archived };
  const bundled = await snapshotInUse(options.bundledDir ?? BUNDLED_SNAPSHOTS_ROOT, adapter, options.warn);
  return bundled === undefined ? undefined : { from: 'meegeleverd', info: bundled };
}
