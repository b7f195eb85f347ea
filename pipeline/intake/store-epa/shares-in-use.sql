-- The EPA shares of data year $year and the files they came from, for the guard that refuses a
-- table with far fewer usable municipalities of that year.
SELECT count(*)::INTEGER AS shares, coalesce(string_agg(DISTINCT file_name, ', ' ORDER BY file_name), '') AS files
  FROM epa_municipality WHERE year = $year
