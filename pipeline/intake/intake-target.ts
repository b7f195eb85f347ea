/** Where an intake's records go: the database, the monitor year and the name they are stored under. */
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';

export interface IntakeTarget {
  database: MonitorDatabase;
  context: MonitorContext;
  year: number;
  /** The source name the records are stored under (a list's `--source`, or the adapter's id). */
  source: string;
  /** The received file's name, or `<source>/<snapshot>` for a replayed snapshot: for messages, rejects and the ledger. */
  file: string;
  /** Fingerprint of what came in: the file, or the snapshot's files together. */
  sha256: string;
  /** Confirms replacing an earlier list with one that has far fewer (or no) usable rows. */
  replace: boolean;
  /** Workbook corrections (`lsp-monitor corrections`): take in the clean rows of a file that has errors (--partial). */
  partial?: boolean;
  /** Workbook corrections: read and report, store nothing (--dry-run). */
  dryRun?: boolean;
}
