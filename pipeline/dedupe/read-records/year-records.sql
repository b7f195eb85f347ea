-- The imported records of year $year, one row each, ordered by source and row number.
SELECT source, row_number, name, organisation, address, postcode, place, gm_code, municipality,
       municipality_as_written, gm_code_as_written, province,
       iza_region, dagdelen_per_week, visitors_per_week, size_given, status, website, note, extra::VARCHAR AS extra
  FROM inventory_record WHERE year = $year ORDER BY source, row_number
