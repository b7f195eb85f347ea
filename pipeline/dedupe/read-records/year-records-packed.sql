-- The imported records of year $year, $batch rows per result row: each batch one text holding
-- its rows' fields in the order of year-records.sql (numbers as text), every field followed by
-- chr(31) and a missing value written as chr(30). `unsafe` counts the rows with either character
-- in a field, which this text cannot carry.
SELECT batch, count(*) AS rows,
       count(*) FILTER (WHERE unsafe) AS unsafe,
       string_agg(fields, '' ORDER BY source, row_number) AS packed
  FROM (SELECT source, row_number,
               (row_number() OVER (ORDER BY source, row_number) - 1) // $batch AS batch,
               concat(source, chr(31), row_number::VARCHAR, chr(31), name, chr(31),
                      coalesce(organisation, chr(30)), chr(31), coalesce(address, chr(30)), chr(31),
                      coalesce(postcode, chr(30)), chr(31), coalesce(place, chr(30)), chr(31),
                      coalesce(gm_code, chr(30)), chr(31), coalesce(municipality, chr(30)), chr(31),
                      coalesce(municipality_as_written, chr(30)), chr(31), coalesce(gm_code_as_written, chr(30)), chr(31),
                      province, chr(31), coalesce(iza_region, chr(30)), chr(31),
                      coalesce(dagdelen_per_week::VARCHAR, chr(30)), chr(31), coalesce(visitors_per_week::VARCHAR, chr(30)), chr(31),
                      coalesce(size_given, chr(30)), chr(31), status, chr(31), coalesce(website, chr(30)), chr(31),
                      coalesce(note, chr(30)), chr(31), coalesce(extra::VARCHAR, chr(30)), chr(31)) AS fields,
               regexp_matches(concat(source, name, organisation, address, postcode, place, gm_code, municipality,
                                     municipality_as_written, gm_code_as_written, province, iza_region, size_given,
                                     status, website, note, extra::VARCHAR), '[\x1e\x1f]') AS unsafe
          FROM inventory_record WHERE year = $year)
 GROUP BY batch ORDER BY batch
