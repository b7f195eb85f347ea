-- Where each batch of $batch records of year $year begins, in the order by source and row number:
-- the first record's source and row number.
WITH ordered AS (
  SELECT source, row_number, row_number() OVER (ORDER BY source, row_number) - 1 AS position
    FROM inventory_record WHERE year = $year
)
SELECT source, row_number FROM ordered WHERE position % $batch = 0 ORDER BY position
