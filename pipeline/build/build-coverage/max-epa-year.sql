-- The latest year with EPA shares (bundled per province, or imported per municipality from
-- Vektis) between $first and $last (both inclusive), or NULL.
SELECT max(year) AS year
  FROM (SELECT year FROM ref_epa_share UNION ALL SELECT year FROM epa_municipality)
 WHERE year BETWEEN $first AND $last
