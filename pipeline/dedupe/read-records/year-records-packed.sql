-- One batch of the imported records of year $year, one text each: those from ($from_source,
-- $from_row) up to, not including, ($to_source, $to_row) in the order by source and row number (no
-- end: to the last). A text holds the record's values of the columns named in $columns (a
-- space-separated list) in the table's column order, numbers as text, a value followed by chr(31)
-- and a missing value written as chr(30) alone. A batch at a time: DuckDB sorts and holds one batch;
-- the whole year in one sort left 100-150 MB more with DuckDB's allocator through the 1M build.
WITH valued AS (
  SELECT source AS sort_source, row_number AS sort_row,
         coalesce(COLUMNS(c -> list_contains(string_split($columns, ' '), c))::VARCHAR || chr(31), chr(30))
    FROM inventory_record
   WHERE year = $year
     AND (source > $from_source OR (source = $from_source AND row_number >= $from_row))
     AND ($to_source IS NULL OR source < $to_source OR (source = $to_source AND row_number < $to_row))
)
SELECT concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))) AS packed
  FROM valued
 ORDER BY sort_source, sort_row
