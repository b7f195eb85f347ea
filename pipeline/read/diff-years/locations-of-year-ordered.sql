-- The opening of the packed read of the locations of year $year (read/packed-rows/pack.sql follows
-- it), by id: the reader keys them by id, so any order would do.
WITH ordered AS (SELECT *, location_id AS sort_1 FROM location WHERE year = $year)
