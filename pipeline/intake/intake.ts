/**
 * The one way in: every intake is an adapter of a declared kind (sources/adapter.ts), and this
 * table says where each kind's records go. The adapter's parse validates its records (and passes
 * every text through the guard, sources/guard.ts) once; the store takes those typed records as
 * they are. A store that replaces what a source holds for the year (list, web snapshot, survey)
 * asks replacement-guard.ts first. A new source of an existing kind needs no change here.
 *
 * Reference tables (CBS) have no entry: the monitor reads the bundled reference data made from
 * them (sources/reference/), never a snapshot of them.
 */
import type { AdapterOfKind, KindedAdapter, KindParseResult, Snapshot } from '../../sources/adapter.ts';
import type { WorkbookCorrections } from '../corrections/types.ts';
import { storeEpaTable, storeRegionalCorrections, storeSurveyAnswers, type EpaIntake, type FileIntake } from './store-file-source.ts';
import type { IntakeTarget } from './intake-target.ts';
import { storeInventoryList, type ImportSummary } from './store-list.ts';
import { storeWebSnapshot } from './store-snapshot.ts';
import { storeWorkbookCorrections, type WorkbookIntake } from './store-workbook.ts';

/** Per kind: what its adapter's parse gives, and what storing it gives back. */
interface Intakes {
  'inventory-list': { parsed: KindParseResult<'inventory-list'>; result: ImportSummary };
  'web-snapshot': { parsed: KindParseResult<'web-snapshot'>; result: ImportSummary };
  'regional-corrections': { parsed: KindParseResult<'regional-corrections'>; result: FileIntake };
  survey: { parsed: KindParseResult<'survey'>; result: FileIntake };
  'epa-table': { parsed: KindParseResult<'epa-table'>; result: EpaIntake };
  /** The edited Excel overview (intake-workbook.ts): its adapter lives in pipeline/, as its reader needs the year's build. */
  'workbook-corrections': { parsed: WorkbookCorrections; result: WorkbookIntake };
}
export type IntakeKind = keyof Intakes;

/** What the routing needs of an adapter: its kind, and a parse whose result that kind's store takes. */
export interface IntakeAdapter<K extends IntakeKind> {
  kind: K;
  parse(snapshot: Snapshot): Intakes[K]['parsed'] | Promise<Intakes[K]['parsed']>;
}

type Store<K extends IntakeKind> = (parsed: Intakes[K]['parsed'], target: IntakeTarget) => Promise<Intakes[K]['result']>;

const STORES: { [K in IntakeKind]: Store<K> } = {
  'inventory-list': storeInventoryList,
  'web-snapshot': storeWebSnapshot,
  'regional-corrections': storeRegionalCorrections,
  survey: storeSurveyAnswers,
  'epa-table': storeEpaTable,
  'workbook-corrections': storeWorkbookCorrections,
};

/** The kinds `lsp-monitor import <bestand> --source <id>` reads as the file of that source (any other --source is a list). */
const FILE_KINDS = ['regional-corrections', 'survey', 'epa-table'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export type FileSourceOfKind = { [K in FileKind]: AdapterOfKind<K> }[FileKind];

/** Parses the snapshot with its adapter and stores the records where their kind belongs. */
export async function takeIn<K extends IntakeKind>(adapter: IntakeAdapter<K>, snapshot: Snapshot, target: IntakeTarget): Promise<Intakes[K]['result']> {
  const store: Store<K> = STORES[adapter.kind];
  return store(await adapter.parse(snapshot), target);
}

/** Whether `lsp-monitor import --source <adapter's id>` reads a file of this adapter's own. */
export function isFileSource(adapter: KindedAdapter): adapter is FileSourceOfKind {
  return FILE_KINDS.some((kind) => kind === adapter.kind);
}
