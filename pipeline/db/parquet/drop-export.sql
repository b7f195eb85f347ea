-- The staged export is of one conversion only.
DROP TABLE IF EXISTS parquet_export
