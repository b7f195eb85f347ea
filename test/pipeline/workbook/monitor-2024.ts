/**
 * The real 2024 monitor for the workbook tests: the suite's one `lsp-monitor run` of 2024
 * (test/helpers/monitor-2024.ts, as test/e2e/monitor-2024.test.ts checks it), its database copied
 * and read back as MonitorData, with its CSV exports.
 *
 * The MonitorData is read once per worker (its files run one after another with their modules
 * shared) and frozen, so a test that changed it would fail instead of changing the next file's.
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

let shared: Promise<MonitorData> | undefined;

export async function buildMonitor2024(): Promise<Monitor2024> {
  const scratch = scratchDir('lsp-monitor-xlsx-');
  // Throws with the run's messages when it failed. Copied for each file: take-in.test.ts goes on with it.
  const database = await monitor2024Database(scratch);
  const { reports } = await monitor2024();
  shared ??= withDatabase(database, (db) => readMonitor(db, 2024)).then(deepFreeze);
  return { data: await shared, scratch, csv: (name) => readCsv(join(reports, '2024', name)) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
