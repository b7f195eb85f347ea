-- The latest built year before $year, or NULL: the year a report of $year is compared with.
SELECT max(year) AS year FROM build_run WHERE year < $year
