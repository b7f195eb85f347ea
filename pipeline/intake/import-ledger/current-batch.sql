-- The import of source $source in use in year $year, if any.
SELECT source, file_name, sha256, rows_read, rows_imported, rows_rejected, epoch_ms(imported_at) AS imported_ms
  FROM import_batch WHERE year = $year AND source = $source
