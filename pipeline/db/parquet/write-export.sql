-- Writes the staged export to $parquet_path as Parquet.
COPY parquet_export TO $parquet_path (FORMAT parquet)
