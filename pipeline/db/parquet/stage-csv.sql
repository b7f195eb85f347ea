-- The CSV export at $csv_path as a temporary table, with the column types DuckDB reads in it.
CREATE OR REPLACE TEMP TABLE parquet_export AS SELECT * FROM read_csv($csv_path, header = true)
