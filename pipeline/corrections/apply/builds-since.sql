-- The built years from $year on whose build is not older than $since.
SELECT year FROM build_run WHERE year >= $year AND built_at >= $since::TIMESTAMP
