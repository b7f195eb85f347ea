-- The imports in use in year $year, one per source.
SELECT source, file_name, sha256, rows_read, rows_imported, rows_rejected, epoch_ms(imported_at) AS imported_ms
  FROM import_batch WHERE year = $year ORDER BY source
