-- The opening of the packed read of the doubtful pairs of year $year (read/packed-rows/pack.sql
-- follows it): the pairs numbered in the order of review-pairs.sql.
WITH ordered AS (
  SELECT *, row_number() OVER (ORDER BY stage, score DESC, pair_id) AS sort_position
    FROM match_pair WHERE year = $year AND outcome = 'te beoordelen'
)
