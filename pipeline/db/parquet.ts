/**
 * CSV export -> Parquet, through DuckDB, so researchers can load the exports in R or Python
 * with their types. Paths go in as parameters; DuckDB writes to a temporary file whose name we
 * generate, which is then renamed into place, so a failed conversion leaves no half file.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorDatabase } from './database.ts';
import { sql } from './sql-file.ts';

const STAGE_CSV = sql('db/parquet/stage-csv.sql');
const WRITE_EXPORT = sql('db/parquet/write-export.sql');
const DROP_EXPORT = sql('db/parquet/drop-export.sql');

export async function csvToParquet(database: MonitorDatabase, csvPath: string, parquetPath: string): Promise<void> {
  await database.run(STAGE_CSV, { csv_path: csvPath });
  await writeStagedExport(database, parquetPath);
}

/**
 * Writes the table `parquet_export` (staged by the caller) to `parquetPath` and drops it: DuckDB
 * writes a temporary file, which is then moved into place.
 */
export async function writeStagedExport(database: MonitorDatabase, parquetPath: string): Promise<void> {
  const temporary = join(tmpdir(), `lsp-monitor-${process.pid}-${randomBytes(6).toString('hex')}.parquet`);
  try {
    await database.run(WRITE_EXPORT, { parquet_path: temporary });
    // Across filesystems rename fails; copy instead.
    await rename(temporary, parquetPath).catch(() => copyFile(temporary, parquetPath));
  } finally {
    await rm(temporary, { force: true });
    await database.run(DROP_EXPORT);
  }
}
