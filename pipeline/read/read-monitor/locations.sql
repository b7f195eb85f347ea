-- The locations of year $year, by province, IZA-region, municipality, organisation and name.
SELECT location_id, name, organisation, address, postcode, place, gm_code, municipality, province, iza_region,
       size_class, size_basis, weight, status, sources, flags, note, lat, lon, coordinate_precision,
       dagdelen_per_week, visitors_per_week, opening_hours
  FROM location WHERE year = $year
 ORDER BY province, iza_region NULLS LAST, municipality NULLS LAST, organisation NULLS FIRST, name, location_id
