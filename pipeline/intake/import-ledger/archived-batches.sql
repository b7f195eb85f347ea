-- The removed and replaced imports of year $year, the most recent of each source first.
SELECT source, file_name, sha256, rows_read, rows_imported, rows_rejected, epoch_ms(imported_at) AS imported_ms,
       archive_id, reason, epoch_ms(archived_at) AS archived_ms
  FROM import_archive WHERE year = $year ORDER BY source, archive_id DESC
