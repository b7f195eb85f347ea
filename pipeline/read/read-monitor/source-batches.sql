-- The imports of year $year, one per source.
SELECT source, file_name, sha256, format, rows_read, rows_imported, rows_rejected
  FROM import_batch WHERE year = $year ORDER BY source
