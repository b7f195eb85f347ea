-- The latest year with EPA shares (the view epa_share: bundled per province, or imported per municipality from
-- Vektis) between $first and $last (both inclusive), or NULL.
SELECT max(year) AS year FROM epa_share WHERE year BETWEEN $first AND $last
