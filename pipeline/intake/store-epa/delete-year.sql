-- The EPA shares of data year $year, before a table with that year replaces them.
DELETE FROM epa_municipality WHERE year = $year
