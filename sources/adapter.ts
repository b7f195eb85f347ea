/**
 * The source adapter contract. A source is one file in sources/adapters/ exporting a
 * SourceAdapter, plus one line in sources/adapters/registry.ts.
 *
 * - `fetch` is the only code that touches the network: it asks the HttpClient for what it needs
 *   and returns the raw responses. The archive (sources/archive/) stores them as a dated snapshot.
 * - `parse` is pure: a snapshot in, records validated by the shared zod schema out, plus rejects
 *   for entries that could not be used. A structural change of the source (a page that yields no
 *   records, required fields missing in most records) is a MonitorError naming the source, so the
 *   last good snapshot stays in use.
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

export interface Snapshot {
  source: string;
  adapterVersion: number;
  /** ISO timestamp of the fetch (for bundled snapshots: when they were recorded). */
  fetchedAt: string;
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

export interface FetchContext {
  http: HttpClient;
  /** This source's settings from the sources configuration (base URLs, table ids, …). */
  settings: Readonly<Record<string, unknown>>;
  log: (line: string) => void;
}

/** What a snapshot yields: records with where they came from, and what could not be used. */
export interface ParseResult<Record> {
  records: { record: Record; /** file name and position inside it, e.g. "a1b2….html#12" */ origin: string }[];
  rejects: Reject[];
}

export interface SourceAdapter<Schema extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  /** Bump when parse or fetch changes in a way that makes older snapshots read differently. */
  version: number;
  /** The shared-schema type every record of this source is validated against. */
  recordSchema: Schema;
  fetch(context: FetchContext): Promise<Omit<RawFile, 'name' | 'sha256'>[]>;
  parse(snapshot: Snapshot): ParseResult<z.infer<Schema>>;
}
