-- The latest population year between $first and $last (both inclusive), or NULL.
SELECT max(year) AS year FROM ref_population WHERE year BETWEEN $first AND $last
