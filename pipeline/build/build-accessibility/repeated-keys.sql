-- How many keys of year $year's accessibility are held by more than one row (migration 012
-- dropped the PRIMARY KEYs): accessibility (gm_code), reach (level, area, km), white_spot (gm_code).
SELECT
  (SELECT count(*) FROM (SELECT 1 FROM accessibility WHERE year = $year GROUP BY gm_code HAVING count(*) > 1)) AS accessibility,
  (SELECT count(*) FROM (SELECT 1 FROM reach WHERE year = $year GROUP BY level, area, km HAVING count(*) > 1)) AS reach,
  (SELECT count(*) FROM (SELECT 1 FROM white_spot WHERE year = $year GROUP BY gm_code HAVING count(*) > 1)) AS white_spot
