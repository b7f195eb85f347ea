-- The locations of year $year a survey answer or regional correction can be about.
SELECT location_id, name, organisation, place, gm_code, iza_region, status, size_class
  FROM location WHERE year = $year ORDER BY location_id
