-- The opening of the packed read of the locations of year $year (read/packed-rows/pack.sql follows
-- it), in no particular order, as locations-of-year.sql gives them.
WITH ordered AS (SELECT *, row_number() OVER () AS sort_position FROM location WHERE year = $year)
