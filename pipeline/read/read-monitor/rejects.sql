-- The rejected rows of year $year.
SELECT source, file_name, row_number, field, reason FROM reject WHERE year = $year
 ORDER BY source, file_name, row_number NULLS FIRST, field, reason
