-- How many keys of year $year's coverage are held by more than one row (migration 012 dropped
-- the PRIMARY KEYs): coverage (level, area), coverage_target (level, area, participation_pct).
SELECT
  (SELECT count(*) FROM (SELECT 1 FROM coverage WHERE year = $year GROUP BY level, area HAVING count(*) > 1)) AS coverage,
  (SELECT count(*) FROM (SELECT 1 FROM coverage_target WHERE year = $year GROUP BY level, area, participation_pct HAVING count(*) > 1)) AS coverage_target
