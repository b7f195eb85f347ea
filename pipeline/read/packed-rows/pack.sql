-- The second half of a packed read: it follows a query's opening `WITH ordered AS (…)`, which
-- gives the rows to read with their place in the result as `sort_position`. Per batch of $batch
-- rows one text holding the rows' values of the columns named in $columns (a space-separated
-- list), in the table's column order, numbers as text, every value followed by chr(31) and a
-- missing value written as chr(30), as its UTF-8 bytes (a BLOB). `unsafe` counts the rows with either
-- character in a value.
, valued AS (
  SELECT sort_position,
         regexp_matches(concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))), '[\x1e\x1f]') AS unsafe,
         coalesce(COLUMNS(c -> list_contains(string_split($columns, ' '), c))::VARCHAR, chr(30)) || chr(31)
    FROM ordered
), packed AS (
  SELECT sort_position, unsafe, (sort_position - 1) // $batch AS batch,
         concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))) AS fields
    FROM valued
)
SELECT batch, count(*) AS rows,
       count(*) FILTER (WHERE unsafe) AS unsafe,
       encode(string_agg(fields, '' ORDER BY sort_position)) AS packed
  FROM packed
 GROUP BY batch ORDER BY batch
