/**
 * The source adapter contract. A source is one file in sources/adapters/ exporting an
 * adapter of a declared kind (KindedAdapter), plus one line in sources/adapters/registry.ts.
 *
 * - `kind` says what the records are and where the pipeline puts them (pipeline/intake/intake.ts
 *   routes by it, in one table): it types `recordSchema` and what `parse` returns (IntakeKinds).
 * - `origin` says how the source comes in: `'web'` (its `fetch` asks the network) or `'file'`
 *   (people send a CSV/XLSX that `lsp-monitor import … --source <id>` turns into a snapshot; such
 *   an adapter has no `fetch`).
 * - `fetch` is the only code that touches the network: it asks the HttpClient for what it needs
 *   and returns the raw responses. The archive (sources/archive/) stores them as a dated snapshot,
 *   together with the settings the fetch ran with.
 * - `parse` is pure: a snapshot in (its files and its recorded settings, never anything else),
 *   records validated by the shared zod schema out, plus rejects for entries that could not be
 *   used. It may be asynchronous (reading a workbook is); callers always `await` it. A structural
 *   change of the source (a page that yields no records, required fields missing in most records)
 *   is a MonitorError naming the source, so the last good snapshot stays in use.
 */
import type { z } from 'zod';
import type { InventoryListRow } from './adapters/inventory-list-row.ts';
import type { CbsStatlineRecord, EpaMunicipalityRecord, InventoryRecord, RegionalCorrection, Reject, SurveyAnswer } from './schema.ts';

/** One raw response as fetched and as stored in a snapshot. */
export interface RawFile {
  /** File name inside the snapshot, derived from the content hash, never from the URL. */
  name: string;
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

/** A response as `fetch` returns it, before the archive names it. */
export type FetchedFile = Omit<RawFile, 'name' | 'sha256'>;

export interface Snapshot {
  source: string;
  adapterVersion: number;
  /** ISO timestamp of the fetch (for bundled snapshots: when they were recorded; for a file source: the import). */
  fetchedAt: string;
  /**
   * The source's settings the fetch ran with, defaults filled in (see `settingsSchema`). Parse
   * reads these, never the settings file, so a snapshot reads the same whatever is configured
   * today. Absent: the source has no settings.
   */
  settings?: Readonly<Record<string, unknown>>;
  files: readonly RawFile[];
}

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string;
  body: Uint8Array;
}

export interface HttpClient {
  /** GET with the politeness rules of sources/fetch/ (robots.txt, rate limit, retries, size limit). */
  get(url: string, options?: { accept?: string }): Promise<HttpResponse>;
}

export interface FetchContext<Settings = Readonly<Record<string, unknown>>> {
  http: HttpClient;
  /** This source's settings (sources/adapters/sources.settings.json), validated by its `settingsSchema`, defaults filled in. */
  settings: Settings;
  log: (line: string) => void;
}

/** What a snapshot yields: records with where they came from, and what could not be used. */
export interface ParseResult<Record> {
  records: { record: Record; /** file name and position inside it, e.g. "a1b2….html#12" */ origin: string }[];
  rejects: Reject[];
}

/** What every adapter has, however its data comes in. */
interface AdapterBase<Schema extends z.ZodType> {
  id: string;
  title: string;
  /** Bump when parse or fetch changes in a way that makes older snapshots read differently. */
  version: number;
  /** The shared-schema type every record of this source is validated against. */
  recordSchema: Schema;
  parse(snapshot: Snapshot): ParseResult<z.infer<Schema>> | Promise<ParseResult<z.infer<Schema>>>;
}

/** The zod schema of a source's settings: an object. */
export type SettingsSchema = z.ZodType<Readonly<Record<string, unknown>>>;

/** A source fetched from the web by `lsp-monitor fetch --online`. */
export interface WebSourceAdapter<Schema extends z.ZodType = z.ZodType, Settings extends SettingsSchema = SettingsSchema>
  extends AdapterBase<Schema> {
  origin: 'web';
  /**
   * This source's settings (base URLs, table ids, years, …) as a zod object. A setting with a
   * default (taken from the site description) may be left out; one without is required, and a
   * source whose required setting is not set is skipped as "niet ingesteld", not failed.
   */
  settingsSchema: Settings;
  fetch(context: FetchContext<z.output<Settings>>): Promise<FetchedFile[]>;
}

/** A source that comes in as files (CSV/XLSX) through `lsp-monitor import <bestand> --source <id>`. */
export interface FileSourceAdapter<Schema extends z.ZodType = z.ZodType> extends AdapterBase<Schema> {
  origin: 'file';
}

/** Any adapter, whatever its kind: what the archive and the fetch need (id, version, fetch, parse). */
export type SourceAdapter<Schema extends z.ZodType = z.ZodType> = WebSourceAdapter<Schema> | FileSourceAdapter<Schema>;

/** What a received file's parse says beside its records: the columns it did not read, never stored. */
export interface ReceivedColumns {
  ignoredColumns: string[];
}

/**
 * Every kind of intake: the zod schema its records are validated against, and what its parse
 * result carries beside the records. The pipeline stores each kind in its own way
 * (pipeline/intake/intake.ts), so a new source of an existing kind needs no pipeline change.
 */
export interface IntakeKinds {
  /** A list of steunpunten people send (CSV/XLSX), under a source name of their choosing. */
  'inventory-list': { schema: typeof InventoryListRow; extra: InventoryListExtra };
  /** Steunpunten from a web source's snapshot (MIND-atlas, NVZH). */
  'web-snapshot': { schema: typeof InventoryRecord; extra: object };
  /** CBS reference tables: the bundled reference data is made from them, the monitor's database never takes them in. */
  'reference-table': { schema: typeof CbsStatlineRecord; extra: object };
  'regional-corrections': { schema: typeof RegionalCorrection; extra: ReceivedColumns };
  survey: { schema: typeof SurveyAnswer; extra: ReceivedColumns };
  'epa-table': { schema: typeof EpaMunicipalityRecord; extra: object };
}
export type SourceKind = keyof IntakeKinds;

/** What an inventory list's parse says beside its rows, for the import message and the ledger. */
export interface InventoryListExtra extends ReceivedColumns {
  /** The received file's name. */
  fileName: string;
  format: string;
  /** Data rows read (usable or not). */
  rowsRead: number;
  /** File rows above the header (a title), skipped. */
  titleRows: number[];
  /** The header of each inventory field's column, for a reject about that field. */
  headers: Partial<Record<keyof InventoryRecord, string>>;
}

export type KindRecord<K extends SourceKind> = z.infer<IntakeKinds[K]['schema']>;
export type KindParseResult<K extends SourceKind> = ParseResult<KindRecord<K>> & IntakeKinds[K]['extra'];

/** Listed first in the intersections below, so a call of `parse` is typed by the kind. */
interface Kinded<K extends SourceKind> {
  kind: K;
  recordSchema: IntakeKinds[K]['schema'];
  parse(snapshot: Snapshot): KindParseResult<K> | Promise<KindParseResult<K>>;
}

export type WebAdapterOfKind<K extends SourceKind, Settings extends SettingsSchema = SettingsSchema> = Kinded<K> &
  WebSourceAdapter<IntakeKinds[K]['schema'], Settings>;
export type FileAdapterOfKind<K extends SourceKind> = Kinded<K> & FileSourceAdapter<IntakeKinds[K]['schema']>;
export type AdapterOfKind<K extends SourceKind> = WebAdapterOfKind<K> | FileAdapterOfKind<K>;

/** An adapter of a declared kind: `kind` tells the pipeline where its records go and types them. */
export type KindedAdapter = { [K in SourceKind]: AdapterOfKind<K> }[SourceKind];
