-- The highest row number of source $source in year $year, or NULL: new locations number on from it.
SELECT max(row_number) AS n FROM inventory_record WHERE year = $year AND source = $source
