-- The latest municipal division in the reference data.
SELECT max(year) AS year FROM ref_municipality
