-- How many keys of year $year's build are held by more than one row, per table whose key DuckDB
-- no longer keeps (migration 010): location (location_id), location_member (source, row_number),
-- match_pair (stage, item_a, item_b).
SELECT
  (SELECT count(*) FROM (SELECT 1 FROM location WHERE year = $year GROUP BY location_id HAVING count(*) > 1)) AS location,
  (SELECT count(*) FROM (SELECT 1 FROM location_member WHERE year = $year GROUP BY source, row_number HAVING count(*) > 1)) AS location_member,
  (SELECT count(*) FROM (SELECT 1 FROM match_pair WHERE year = $year GROUP BY stage, item_a, item_b HAVING count(*) > 1)) AS match_pair
