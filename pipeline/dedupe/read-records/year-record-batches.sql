-- Where each batch of $batch records of year $year begins, in the order by source and row number:
-- the first record's source and row number. `unsafe` (the same on every row) counts the year's
-- records with chr(30) or chr(31) in a value of the columns named in $columns (a space-separated
-- list), which the packed text (year-records-packed.sql) cannot carry.
WITH ordered AS (
  SELECT source, row_number, row_number() OVER (ORDER BY source, row_number) - 1 AS position
    FROM inventory_record WHERE year = $year
)
SELECT source, row_number,
       (SELECT count(*) FROM inventory_record
         WHERE year = $year
           AND regexp_matches(concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))), '[\x1e\x1f]')) AS unsafe
  FROM ordered WHERE position % $batch = 0 ORDER BY position
