/**
 * The real 2024 monitor for the workbook tests: the suite's one `lsp-monitor run` of 2024
 * (test/helpers/monitor-2024.ts, as test/e2e/monitor-2024.test.ts checks it), its database copied
 * and read back as MonitorData, with its CSV exports.
 */
import { join } from 'node:path';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { readMonitor, type MonitorData } from '../../../pipeline/read/read-monitor.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { readCsv } from '../../helpers/csv.ts';
import { monitor2024, monitor2024Database } from '../../helpers/monitor-2024.ts';

export interface Monitor2024 {
  data: MonitorData;
  /** A scratch folder for the test's own files. */
  scratch: string;
  /** The CSV exports of the same run, by file name (e.g. "provincies.csv"). */
  csv: (name: string) => Record<string, string>[];
}

export async function buildMonitor2024(): Promise<Monitor2024> {
  const scratch = scratchDir('lsp-monitor-xlsx-');
  // Throws with the run's messages when it failed.
  const database = await monitor2024Database(scratch);
  const { reports } = await monitor2024();
  const data = await withDatabase(database, (db) => readMonitor(db, 2024));
  return { data, scratch, csv: (name) => readCsv(join(reports, '2024', name)) };
}
