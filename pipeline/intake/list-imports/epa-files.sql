-- The EPA tables of data year $year, with how many municipalities each gave.
SELECT file_name, count(*)::INTEGER AS municipalities FROM epa_municipality WHERE year = $year GROUP BY file_name ORDER BY file_name
