-- The rejected rows of source $source in year $year, before its new batch goes in.
DELETE FROM reject WHERE year = $year AND source = $source
