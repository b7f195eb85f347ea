-- The opening of the packed read of the doubtful pairs of year $year (read/packed-rows/pack.sql
-- follows it): the keys of review-pairs.sql's order (a score is never missing).
WITH ordered AS (
  SELECT *, stage AS sort_1, -score AS sort_2, pair_id AS sort_3
    FROM match_pair WHERE year = $year AND outcome = 'te beoordelen'
)
