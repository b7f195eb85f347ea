/**
 * CSV export -> Parquet, through DuckDB, so researchers can load the exports in R or Python
 * with their types. The target path never enters SQL text: DuckDB writes to a temporary file
 * whose name we generate, which is then renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorDatabase } from './database.ts';

export async function csvToParquet(database: MonitorDatabase, csvPath: string, parquetPath: string): Promise<void> {
  const temporary = join(tmpdir(), `lsp-monitor-${process.pid}-${randomBytes(6).toString('hex')}.parquet`);
  await database.run('CREATE OR REPLACE TEMP TABLE parquet_export AS SELECT * FROM read_csv($1, header = true)', [csvPath]);
  try {
    await database.run(`COPY parquet_export TO '${temporary.replace(/'/g, "''")}' (FORMAT parquet)`);
    await rename(temporary, parquetPath).catch(async () => {
      // Across filesystems rename fails; copy through DuckDB's own file instead.
      const { copyFile } = await import('node:fs/promises');
      await copyFile(temporary, parquetPath);
    });
  } finally {
    await rm(temporary, { force: true });
    await database.run('DROP TABLE IF EXISTS parquet_export');
  }
}
