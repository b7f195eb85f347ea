/**
 * The source adapter contract. A source is one file in sources/adapters/ exporting a
 * SourceAdapter, plus one line in sources/adapters/registry.ts.
 *
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
import type { Reject } from './schema.ts';

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

export type SourceAdapter<Schema extends z.ZodType = z.ZodType> = WebSourceAdapter<Schema> | FileSourceAdapter<Schema>;
