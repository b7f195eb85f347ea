-- The opening of the packed read of the locations of year $year (read/packed-rows/pack.sql follows
-- it): the keys of locations.sql's order, a location without organisation first as there.
WITH ordered AS (
  SELECT *, province AS sort_1, iza_region AS sort_2, municipality AS sort_3, organisation IS NOT NULL AS sort_4,
         organisation AS sort_5, name AS sort_6, location_id AS sort_7
    FROM location WHERE year = $year
)
