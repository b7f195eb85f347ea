/**
 * One web source, fetched the safe way: check settings → fetch → write snapshot → parse → mark
 * good. Whatever fails, the snapshot in use stays the one in use (snapshot-in-use.ts); a snapshot
 * whose parse failed is kept, marked rejected, for inspection. A source whose required setting is
 * not set is not fetched and not a failure: it is "niet ingesteld".
 */
import type { HttpClient, WebSourceAdapter } from '../adapter.ts';
import { messageOf, MonitorError } from '../errors.ts';
import { formatDutchDateTime } from './dutch-date.ts';
import type { Verdict } from './manifest.ts';
import { latestGoodSnapshot, readSnapshot, type SnapshotInfo } from './read-snapshot.ts';
import { checkSettings } from './settings-check.ts';
import { snapshotInUse } from './snapshot-in-use.ts';
import { writeVerdict } from './verdict.ts';
import { writeSnapshot } from './write-snapshot.ts';

export interface FetchSourceOptions {
  archiveDir: string;
  http: HttpClient;
  /** The source's own settings (base URLs, table ids, …) as configured; checked against the adapter's settingsSchema. */
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
  /** A required setting is not set: nothing fetched, not a failure (also not with `strict`). */
  | { kind: 'not-configured'; source: string; missing: string[]; inUse: SnapshotInfo | undefined }
  /** Nothing changed in what is used: `inUse` is the snapshot in use before, if there is one. */
  | { kind: 'failed'; source: string; error: MonitorError; inUse: SnapshotInfo | undefined; rejected: SnapshotInfo | undefined };

export async function fetchSource(adapter: WebSourceAdapter, options: FetchSourceOptions): Promise<FetchSourceResult> {
  const { archiveDir, log } = options;
  const warn = options.warn ?? log;
  const now = options.now ?? (() => new Date());
  const inUseBefore = () => snapshotInUse(archiveDir, adapter, warn);
  let rejected: SnapshotInfo | undefined;
  try {
    const check = checkSettings(adapter, options.settings ?? {});
    if (!check.ready) return { kind: 'not-configured', source: adapter.id, missing: check.missing, inUse: await inUseBefore() };
    const fetchedAt = now();
    const files = await adapter.fetch({ http: options.http, settings: check.settings, log });
    if (files.length === 0) throw new MonitorError(`bron ${adapter.id} leverde geen bestanden op`);
    const previous = await latestGoodSnapshot(archiveDir, adapter.id);
    const snapshot = { source: adapter.id, adapterVersion: adapter.version, fetchedAt, settings: check.settings, files };
    const { info, newBodies } = await writeSnapshot(archiveDir, snapshot);
    const base = { parsedAt: now().toISOString(), adapterVersion: adapter.version };
    let verdict: Verdict;
    try {
      const parsed = await adapter.parse(await readSnapshot(info.dir));
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
    const previous = await inUseBefore();
    const message = failureMessage(adapter.id, messageOf(error), previous, rejected);
    if (options.strict) throw error instanceof MonitorError ? new MonitorError(message, { cause: error }) : error;
    warn(`LET OP: ${message}`);
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

/** The same URLs with the same bodies. */
function sameContent(a: SnapshotInfo, b: SnapshotInfo): boolean {
  const key = (snapshot: SnapshotInfo) => snapshot.files.map((file) => `${file.url}\n${file.sha256}`).sort().join('\n');
  return key(a) === key(b);
}
