-- The corrections files taken in for year $year, in the order they were applied.
SELECT file_name, sha256, epoch_ms(applied_at) AS applied_ms, changes
  FROM correction_file WHERE year = $year ORDER BY applied_at, file_name
