-- How many inventories were imported for year $year.
SELECT count(*)::INTEGER AS batches FROM import_batch WHERE year = $year
