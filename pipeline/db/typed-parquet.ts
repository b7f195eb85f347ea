/**
 * CSV export -> Parquet with the column types the codebook declares, instead of DuckDB's guess
 * from a sample (a late odd value would otherwise fail or change a column's type between years).
 * Column names are our own declarations, quoted as identifiers; the paths never enter SQL text
 * except DuckDB's own temporary file, whose name we generate.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorDatabase } from './database.ts';

export type ParquetType = 'VARCHAR' | 'BIGINT' | 'DOUBLE';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function csvToTypedParquet(database: MonitorDatabase, csvPath: string, parquetPath: string, columns: readonly ParquetColumn[]): Promise<void> {
  const temporary = join(tmpdir(), `lsp-monitor-${process.pid}-${randomBytes(6).toString('hex')}.parquet`);
  const select = columns.map(({ name, type }) => `CAST(${identifier(name)} AS ${type}) AS ${identifier(name)}`).join(', ');
  // all_varchar: every cell is read as the text written, then cast to its declared type.
  await database.run(`CREATE OR REPLACE TEMP TABLE typed_parquet_export AS SELECT ${select} FROM read_csv($1, header = true, all_varchar = true)`, [csvPath]);
  try {
    await database.run(`COPY typed_parquet_export TO '${temporary.replace(/'/g, "''")}' (FORMAT parquet)`);
    // Across filesystems rename fails; copy instead.
    await rename(temporary, parquetPath).catch(() => copyFile(temporary, parquetPath));
  } finally {
    await rm(temporary, { force: true });
    await database.run('DROP TABLE IF EXISTS typed_parquet_export');
  }
}
