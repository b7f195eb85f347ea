-- The built years after $year.
SELECT year FROM build_run WHERE year > $year ORDER BY year
