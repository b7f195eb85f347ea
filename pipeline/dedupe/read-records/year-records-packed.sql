-- One batch of the imported records of year $year: those from ($from_source, $from_row) up to,
-- not including, ($to_source, $to_row) in the order by source and row number (no end: to the
-- last), as one text holding their values of the columns named in $columns (a space-separated
-- list), in the table's column order, numbers as text, every value followed by chr(31) and a
-- missing value written as chr(30).
WITH valued AS (
  SELECT source AS sort_source, row_number AS sort_row,
         coalesce(COLUMNS(c -> list_contains(string_split($columns, ' '), c))::VARCHAR, chr(30)) || chr(31)
    FROM inventory_record
   WHERE year = $year
     AND (source > $from_source OR (source = $from_source AND row_number >= $from_row))
     AND ($to_source IS NULL OR source < $to_source OR (source = $to_source AND row_number < $to_row))
), packed AS (
  SELECT sort_source, sort_row, concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))) AS fields
    FROM valued
)
SELECT count(*) AS rows, string_agg(fields, '' ORDER BY sort_source, sort_row) AS packed FROM packed
