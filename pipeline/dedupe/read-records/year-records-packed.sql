-- The imported records of year $year, $batch rows per result row: each batch one text holding
-- its rows' values of the columns named in $columns (a space-separated list), in the table's
-- column order, numbers as text, every value followed by chr(31) and a missing value written as
-- chr(30). `unsafe` counts the rows with either character in a value, which this text cannot carry.
WITH valued AS (
  SELECT source AS sort_source, row_number AS sort_row,
         regexp_matches(concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))), '[\x1e\x1f]') AS unsafe,
         coalesce(COLUMNS(c -> list_contains(string_split($columns, ' '), c))::VARCHAR, chr(30)) || chr(31)
    FROM inventory_record WHERE year = $year
), packed AS (
  SELECT sort_source, sort_row, unsafe,
         (row_number() OVER (ORDER BY sort_source, sort_row) - 1) // $batch AS batch,
         concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))) AS fields
    FROM valued
)
SELECT batch, count(*) AS rows,
       count(*) FILTER (WHERE unsafe) AS unsafe,
       string_agg(fields, '' ORDER BY sort_source, sort_row) AS packed
  FROM packed
 GROUP BY batch ORDER BY batch
