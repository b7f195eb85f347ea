/**
 * The real 2024 monitor for the workbook tests: the CLI run in-process on a throw-away database
 * (as test/e2e/monitor-2024.test.ts), then read back as MonitorData, with its CSV exports.
 */
import { join } from 'node:path';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { readMonitor, type MonitorData } from '../../../pipeline/read/read-monitor.ts';
import { runCli, scratchDir } from '../../helpers/cli.ts';
import { readCsv } from '../../helpers/csv.ts';

export interface Monitor2024 {
  data: MonitorData;
  /** A scratch folder for the test's own files. */
  scratch: string;
  /** The CSV exports of the same run, by file name (e.g. "provincies.csv"). */
  csv: (name: string) => Record<string, string>[];
}

export async function buildMonitor2024(): Promise<Monitor2024> {
  const scratch = scratchDir('lsp-monitor-xlsx-');
  const database = join(scratch, 'monitor.duckdb');
  const reports = join(scratch, 'reports');
  const result = await runCli(['run', '--db', database, '--reports', reports]);
  if (result.code !== 0) throw new Error(`lsp-monitor run failed (${result.code}):\n${result.stderr}`);
  const data = await withDatabase(database, (db) => readMonitor(db, 2024));
  return { data, scratch, csv: (name) => readCsv(join(reports, '2024', name)) };
}
