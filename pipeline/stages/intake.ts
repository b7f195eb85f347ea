/**
 * The one way in: every intake is an adapter of a declared kind (sources/adapter.ts), and this
 * table says where each kind's records go. The adapter's parse validates its records (and passes
 * every text through the guard, sources/guard.ts) once; the store takes those typed records as
 * they are. A new source of an existing kind needs no change here.
 *
 * Reference tables (CBS) have no entry: the monitor reads the bundled reference data made from
 * them (sources/reference/), never a snapshot of them.
 */
import type { AdapterOfKind, KindedAdapter, KindParseResult, Snapshot, SourceKind } from '../../sources/adapter.ts';
import { storeEpaTable, storeRegionalCorrections, storeSurveyAnswers, type EpaIntake, type FileIntake } from './store-file-source.ts';
import type { IntakeTarget } from './intake-target.ts';
import { storeInventoryList, type ImportSummary } from './store-list.ts';
import { storeWebSnapshot } from './store-snapshot.ts';

/** What taking in each kind gives back. */
interface IntakeResults {
  'inventory-list': ImportSummary;
  'web-snapshot': ImportSummary;
  'regional-corrections': FileIntake;
  survey: FileIntake;
  'epa-table': EpaIntake;
}
export type StoredKind = keyof IntakeResults & SourceKind;

type Store<K extends StoredKind> = (parsed: KindParseResult<K>, target: IntakeTarget) => Promise<IntakeResults[K]>;

const STORES: { [K in StoredKind]: Store<K> } = {
  'inventory-list': storeInventoryList,
  'web-snapshot': storeWebSnapshot,
  'regional-corrections': storeRegionalCorrections,
  survey: storeSurveyAnswers,
  'epa-table': storeEpaTable,
};

/** The kinds `lsp-monitor import <bestand> --source <id>` reads as the file of that source (any other --source is a list). */
const FILE_KINDS = ['regional-corrections', 'survey', 'epa-table'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export type FileSourceOfKind = { [K in FileKind]: AdapterOfKind<K> }[FileKind];

/** Parses the snapshot with its adapter and stores the records where their kind belongs. */
export async function takeIn<K extends StoredKind>(adapter: AdapterOfKind<K>, snapshot: Snapshot, target: IntakeTarget): Promise<IntakeResults[K]> {
  const store: Store<K> = STORES[adapter.kind];
  return store(await adapter.parse(snapshot), target);
}

/** Whether `lsp-monitor import --source <adapter's id>` reads a file of this adapter's own. */
export function isFileSource(adapter: KindedAdapter): adapter is FileSourceOfKind {
  return FILE_KINDS.some((kind) => kind === adapter.kind);
}
