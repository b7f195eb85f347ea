-- The second half of a packed read: it follows a query's opening `WITH ordered AS (…)`, which
-- gives the rows to read with the keys of their order as sort_1, sort_2, … (each ascending, nulls
-- last). Per row, in that order, one text holding its values of the columns named in $columns (a
-- space-separated list), in the table's column order, numbers as text, every value followed by
-- chr(31) and a missing value written as chr(30), as its UTF-8 bytes (a BLOB). `unsafe` tells a
-- row with either character in a value. Sorted, not numbered by a window: the sort holds the rows
-- once, where a window and an aggregate each held them again.
, valued AS (
  SELECT COLUMNS('^sort_[0-9]+$'),
         regexp_matches(concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c))), '[\x1e\x1f]') AS unsafe,
         coalesce(COLUMNS(c -> list_contains(string_split($columns, ' '), c))::VARCHAR, chr(30)) || chr(31)
    FROM ordered
)
SELECT unsafe, encode(concat(*COLUMNS(c -> list_contains(string_split($columns, ' '), c)))) AS packed
  FROM valued
 ORDER BY COLUMNS('^sort_[0-9]+$') ASC NULLS LAST
