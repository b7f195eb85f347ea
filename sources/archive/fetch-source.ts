/**
 * One source, fetched the safe way: fetch → write snapshot → parse → mark good. Whatever fails,
 * the previous good snapshot stays the one in use; a snapshot whose parse failed is kept, marked
 * rejected, for inspection.
 */
import type { HttpClient, SourceAdapter } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import { formatDutchDateTime } from './dutch-date.ts';
import type { Verdict } from './manifest.ts';
import { latestGoodSnapshot, readSnapshot, type SnapshotInfo } from './read-snapshot.ts';
import { writeVerdict } from './verdict.ts';
import { writeSnapshot } from './write-snapshot.ts';

export interface FetchSourceOptions {
  archiveDir: string;
  http: HttpClient;
  /** The source's own settings (base URLs, table ids, …), handed to its fetch. */
  settings?: Readonly<Record<string, unknown>>;
  /** Throw a failure instead of falling back to the previous good snapshot. */
  strict?: boolean;
  log: (line: string) => void;
  /** Where the loud warning about a failure goes; default: `log`. */
  warn?: (line: string) => void;
  now?: () => Date;
}

export type FetchSourceResult =
  /** New content, parsed and now in use. */
  | { kind: 'fetched'; source: string; inUse: SnapshotInfo; newBodies: number; records: number; rejects: number }
  /** The same bodies as the last good snapshot: recorded as a new snapshot, nothing stored twice. */
  | { kind: 'unchanged'; source: string; inUse: SnapshotInfo; records: number; rejects: number }
  /** Nothing changed in what is used: `inUse` is the previous good snapshot, if there is one. */
  | { kind: 'failed'; source: string; error: MonitorError; inUse: SnapshotInfo | undefined; rejected: SnapshotInfo | undefined };

export async function fetchSource(adapter: SourceAdapter, options: FetchSourceOptions): Promise<FetchSourceResult> {
  const { archiveDir, log } = options;
  const now = options.now ?? (() => new Date());
  const previous = await latestGoodSnapshot(archiveDir, adapter.id);
  let rejected: SnapshotInfo | undefined;
  try {
    const fetchedAt = now();
    const files = await adapter.fetch({ http: options.http, settings: options.settings ?? {}, log });
    if (files.length === 0) throw new MonitorError(`bron ${adapter.id} leverde geen bestanden op`);
    const { info, newBodies } = await writeSnapshot(archiveDir, { source: adapter.id, adapterVersion: adapter.version, fetchedAt, files });
    const base = { parsedAt: now().toISOString(), adapterVersion: adapter.version };
    let verdict: Verdict;
    try {
      const parsed = adapter.parse(await readSnapshot(info.dir));
      verdict = { good: true, ...base, records: parsed.records.length, rejects: parsed.rejects.length };
    } catch (error) {
      const failed: Verdict = { good: false, ...base, reason: messageOf(error) };
      await writeVerdict(info.dir, failed);
      rejected = { ...info, status: 'rejected', verdict: failed };
      throw error;
    }
    await writeVerdict(info.dir, verdict);
    const inUse: SnapshotInfo = { ...info, status: 'good', verdict };
    const counts = { records: verdict.records, rejects: verdict.rejects };
    if (previous !== undefined && sameContent(previous, inUse)) return { kind: 'unchanged', source: adapter.id, inUse, ...counts };
    return { kind: 'fetched', source: adapter.id, inUse, newBodies, ...counts };
  } catch (error) {
    const message = failureMessage(adapter.id, messageOf(error), previous, rejected);
    if (options.strict) throw error instanceof MonitorError ? new MonitorError(message, { cause: error }) : error;
    (options.warn ?? log)(`LET OP: ${message}`);
    const reported = error instanceof MonitorError ? error : new MonitorError(message, { cause: error });
    return { kind: 'failed', source: adapter.id, error: reported, inUse: previous, rejected };
  }
}

export function failureMessage(source: string, reason: string, previous: SnapshotInfo | undefined, rejected: SnapshotInfo | undefined): string {
  const fallback =
    previous === undefined
      ? 'er is geen eerdere goede momentopname, dus deze bron ontbreekt'
      : `de vorige goede momentopname van ${formatDutchDateTime(previous.fetchedAt)} wordt gebruikt`;
  const inspection = rejected === undefined ? '' : `\nDe afgekeurde momentopname staat ter inspectie in ${rejected.dir}.`;
  return `bron ${source} kon niet worden opgehaald (${reason}); ${fallback}${inspection}`;
}

function sameContent(a: SnapshotInfo, b: SnapshotInfo): boolean {
  const key = (snapshot: SnapshotInfo) => snapshot.files.map((file) => `${file.url}\n${file.sha256}`).sort().join('\n');
  return key(a) === key(b);
}

function messageOf(error: unknown): string {
  if (error instanceof MonitorError) return error.message;
  return `interne fout: ${error instanceof Error ? error.message : String(error)}`;
}
