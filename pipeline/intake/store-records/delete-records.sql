-- The records of source $source in year $year, before its new batch goes in.
DELETE FROM inventory_record WHERE year = $year AND source = $source
