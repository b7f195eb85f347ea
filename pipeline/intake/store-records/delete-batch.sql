-- The ledger line of source $source in year $year, before its new batch goes in.
DELETE FROM import_batch WHERE year = $year AND source = $source
