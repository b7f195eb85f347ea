/**
 * CSV export -> Parquet with the column types the codebook declares, instead of DuckDB's guess
 * from a sample (a late odd value would otherwise fail or change a column's type between years).
 * The one statement built here is the cast list: column names are our own declarations, quoted
 * as identifiers, and the types one of three; the path goes in as a parameter.
 */
import type { MonitorDatabase } from './database.ts';
import { writeStagedExport } from './parquet.ts';

export type ParquetType = 'VARCHAR' | 'BIGINT' | 'DOUBLE';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function csvToTypedParquet(database: MonitorDatabase, csvPath: string, parquetPath: string, columns: readonly ParquetColumn[]): Promise<void> {
  const select = columns.map(({ name, type }) => `CAST(${identifier(name)} AS ${type}) AS ${identifier(name)}`).join(', ');
  // all_varchar: every cell is read as the text written, then cast to its declared type.
  await database.run(`CREATE OR REPLACE TEMP TABLE parquet_export AS SELECT ${select} FROM read_csv($csv_path, header = true, all_varchar = true)`, {
    csv_path: csvPath,
  });
  await writeStagedExport(database, parquetPath);
}
