-- The first row number held more than once by the records of source $source in year $year, and
-- how often: the key (year, source, row_number) that DuckDB no longer keeps (migration 011).
SELECT row_number AS row, count(*)::INTEGER AS times
  FROM inventory_record WHERE year = $year AND source = $source
  GROUP BY row_number HAVING count(*) > 1
  ORDER BY row_number LIMIT 1
