/**
 * A year's tidy tables (locaties.csv, afgewezen.csv, ...) written into a folder exactly as
 * `lsp-monitor report` writes them (the same outputs/csv/exports.ts on the same read), without
 * the figures, site, markdown and workbook: for tests that read only the tables, where a whole
 * report cost seconds each. Tests of the report itself run the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvExports, type ExportFile } from '../../outputs/csv/exports.ts';
import { assertReportable } from '../../pipeline/build/build-freshness.ts';
import { loadConfig } from '../../pipeline/config/config.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { wholeText } from '../../outputs/site/chunks.ts';
import { readMonitor } from '../../pipeline/read/read-monitor.ts';

function text(file: ExportFile): string {
  return 'content' in file ? file.content : wholeText(file.chunks());
}

/**
 * Writes the year's tables of the database at `db` into `folder` (made if missing); returns their
 * names. Refuses, as the report does, a year whose build is missing or stale.
 */
export async function writeReportTables(db: string, year: number, folder: string): Promise<string[]> {
  const config = loadConfig(undefined);
  const data = await withDatabase(db, async (database) => {
    await assertReportable(database, config, year);
    return readMonitor(database, year);
  });
  mkdirSync(folder, { recursive: true });
  const files = csvExports(data);
  for (const file of files) writeFileSync(join(folder, file.name), text(file));
  return files.map((file) => file.name);
}
