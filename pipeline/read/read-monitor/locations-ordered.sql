-- The opening of the packed read of the locations of year $year (read/packed-rows/pack.sql follows
-- it): the locations numbered in the order of locations.sql.
WITH ordered AS (
  SELECT *, row_number() OVER (ORDER BY province, iza_region NULLS LAST, municipality NULLS LAST, organisation NULLS FIRST,
                                        name, location_id) AS sort_position
    FROM location WHERE year = $year
)
