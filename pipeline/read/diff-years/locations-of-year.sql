-- The locations of year $year with the fields a year-on-year change is told in.
SELECT location_id, name, organisation, postcode, place, gm_code, municipality, province, iza_region,
       size_class, status, sources
  FROM location WHERE year = $year
