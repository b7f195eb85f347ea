/**
 * Inventory snapshots replayed into a monitor year with no network: for every web source whose
 * records are inventory records (MIND-atlas, NVZH), the newest good snapshot fetched in that
 * year, from the archive (`lsp-monitor fetch --online`) or else the bundled one. Choosing by
 * year keeps a published year reproducible whatever was fetched since.
 */
import { basename } from 'node:path';
import type { AdapterOfKind, KindedAdapter } from '../../sources/adapter.ts';
import { SOURCE_ADAPTERS } from '../../sources/adapters/registry.ts';
import { dutchYear } from '../../sources/archive/dutch-date.ts';
import { latestGoodSnapshot, listSnapshots, readSnapshot, type SnapshotInfo } from '../../sources/archive/read-snapshot.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from '../../sources/snapshots/bundled.ts';
import { sha256Hex } from '../../sources/sha256.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { takeIn } from './intake.ts';
import type { EpaSummary } from './store-epa.ts';
import type { ImportSummary } from './store-list.ts';

export interface ReplayChoice {
  adapter: AdapterOfKind<'web-snapshot'>;
  info: SnapshotInfo;
  from: 'archief' | 'meegeleverd';
}

const INVENTORY_SOURCES = SOURCE_ADAPTERS.filter((adapter): adapter is AdapterOfKind<'web-snapshot'> => adapter.kind === 'web-snapshot');
const EPA_SOURCES = SOURCE_ADAPTERS.filter((adapter): adapter is AdapterOfKind<'epa-table'> => adapter.kind === 'epa-table');

/** Monitor year of a snapshot: the year it was fetched in, in Dutch time. */
export function snapshotYear(info: Pick<SnapshotInfo, 'fetchedAt'>): number {
  return dutchYear(info.fetchedAt);
}

export async function snapshotsForYear(year: number, archiveDir: string): Promise<ReplayChoice[]> {
  const choices: ReplayChoice[] = [];
  for (const adapter of INVENTORY_SOURCES) {
    const newestOfYear = async (root: string) =>
      (await listSnapshots(root, adapter.id)).filter((info) => info.status === 'good' && snapshotYear(info) === year).at(-1);
    const archived = await newestOfYear(archiveDir);
    const bundled = archived ? undefined : await newestOfYear(BUNDLED_SNAPSHOTS_ROOT);
    if (archived) choices.push({ adapter, info: archived, from: 'archief' });
    else if (bundled) choices.push({ adapter, info: bundled, from: 'meegeleverd' });
  }
  return choices;
}

/** Years for which any inventory snapshot exists, in the archive or bundled. */
export async function snapshotYears(archiveDir: string): Promise<number[]> {
  const years = new Set<number>();
  for (const adapter of INVENTORY_SOURCES) {
    for (const root of [archiveDir, BUNDLED_SNAPSHOTS_ROOT]) {
      for (const info of await listSnapshots(root, adapter.id)) if (info.status === 'good') years.add(snapshotYear(info));
    }
  }
  return [...years].sort();
}

/**
 * The snapshot into the year's records of its source. Like a list, it is refused when it has no
 * usable row or fewer than half the rows it replaces, unless `replace` confirms it (`run --replace`).
 */
export async function importSnapshot(
  database: MonitorDatabase,
  context: MonitorContext,
  year: number,
  { adapter, info }: ReplayChoice,
  replace = false,
): Promise<ImportSummary> {
  const snapshot = await readSnapshot(info.dir);
  const sha256 = sha256Hex(snapshot.files.map((file) => file.sha256).join('\n'));
  return takeIn(adapter, snapshot, { database, context, year, source: adapter.id, file: `${adapter.id}/${basename(info.dir)}`, sha256, replace });
}

/**
 * The Vektis EPA snapshot in use in the archive (fetched with --online), if any, into the EPA shares;
 * refused as an imported table is when it would drop most of a data year's shares, unless `replace`
 * confirms it (`run --replace`).
 */
export async function replayEpaShares(
  database: MonitorDatabase,
  context: MonitorContext,
  archiveDir: string,
  warn: (line: string) => void,
  replace = false,
): Promise<EpaSummary | undefined> {
  const [adapter] = EPA_SOURCES;
  const info = adapter ? await latestGoodSnapshot(archiveDir, adapter.id) : undefined;
  if (!adapter || !info) return undefined;
  const snapshot = await readSnapshot(info.dir);
  const file = `${adapter.id}/${basename(info.dir)}`;
  // EPA shares are stored per data year (from the table), not per monitor year; nor is a fingerprint kept.
  const taken = await takeIn(adapter, snapshot, { database, context, year: 0, source: adapter.id, file, sha256: '', replace });
  for (const reject of taken.rejects) warn(`  afgewezen (${adapter.id}): ${reject.reason}`);
  return taken.epa;
}
