/**
 * Inventory snapshots replayed into a monitor year with no network: for every web source whose
 * records are inventory records (MIND-atlas, NVZH), the newest good snapshot fetched in that
 * year, from the archive (`lsp-monitor fetch --online`) or else the bundled one. Choosing by
 * year keeps a published year reproducible whatever was fetched since.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { SourceAdapter } from '../../sources/adapter.ts';
import { SOURCE_ADAPTERS } from '../../sources/adapters/registry.ts';
import { latestGoodSnapshot, listSnapshots, readSnapshot, type SnapshotInfo } from '../../sources/archive/read-snapshot.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from '../../sources/snapshots/bundled.ts';
import { EpaMunicipalityRecord, InventoryRecord } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import type { ImportSummary } from './import-inventory.ts';
import { storeEpaShares, type EpaSummary } from './store-epa.ts';
import { replaceBatch, resolveRecord, type AcceptedRecord } from './store-records.ts';

export interface ReplayChoice {
  adapter: SourceAdapter;
  info: SnapshotInfo;
  from: 'archief' | 'meegeleverd';
}

const INVENTORY_SOURCES = SOURCE_ADAPTERS.filter((adapter) => adapter.origin === 'web' && adapter.recordSchema === InventoryRecord);

/** Monitor year of a snapshot: the year it was fetched in, in Dutch time. */
export function snapshotYear(info: Pick<SnapshotInfo, 'fetchedAt'>): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date(info.fetchedAt)));
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

export async function importSnapshot(
  database: MonitorDatabase,
  context: MonitorContext,
  year: number,
  { adapter, info }: ReplayChoice,
): Promise<ImportSummary> {
  const snapshot = await readSnapshot(info.dir);
  const parsed = await adapter.parse(snapshot);
  const accepted: AcceptedRecord[] = [];
  const rejects = [...parsed.rejects];
  parsed.records.forEach(({ record, origin }, index) => {
    const inventoryRecord = InventoryRecord.parse(record);
    const resolution = resolveRecord(context, inventoryRecord);
    if (resolution.kind === 'unresolved') {
      rejects.push({ source: adapter.id, file: origin, row: index + 1, field: resolution.field, reason: resolution.reason });
      return;
    }
    accepted.push({ row: index + 1, record: { ...inventoryRecord, extra: { ...inventoryRecord.extra, herkomst: origin } }, resolution });
  });
  const sha256 = createHash('sha256').update(snapshot.files.map((file) => file.sha256).join('\n')).digest('hex');
  const file = `${adapter.id}/${basename(info.dir)}`;
  const rejectedRows = await replaceBatch(database, context, {
    year, source: adapter.id, file, sha256, format: 'momentopname', rowsRead: parsed.records.length, accepted, rejects,
  });
  return { source: adapter.id, year, file, sha256, rowsRead: parsed.records.length, imported: accepted.length, rejectedRows, rejects, skippedColumns: [], notes: [], titleRows: [] };
}

/** The Vektis EPA snapshot in use in the archive (fetched with --online), if any, into the EPA shares. */
export async function replayEpaShares(
  database: MonitorDatabase,
  context: MonitorContext,
  archiveDir: string,
  warn: (line: string) => void,
): Promise<EpaSummary | undefined> {
  const adapter = SOURCE_ADAPTERS.find((candidate) => candidate.recordSchema === EpaMunicipalityRecord);
  const info = adapter ? await latestGoodSnapshot(archiveDir, adapter.id) : undefined;
  if (!adapter || !info) return undefined;
  const parsed = await adapter.parse(await readSnapshot(info.dir));
  for (const reject of parsed.rejects) warn(`  afgewezen (${adapter.id}): ${reject.reason}`);
  const records = parsed.records.map(({ record }) => EpaMunicipalityRecord.parse(record));
  return storeEpaShares(database, context, `${adapter.id}/${basename(info.dir)}`, records);
}
