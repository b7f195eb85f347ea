-- Doubtful duplicate pairs of year $year, for a person to decide.
SELECT pair_id, stage, location_a, name_a, place_a, location_b, name_b, place_b, score, rule
  FROM match_pair WHERE year = $year AND outcome = 'te beoordelen'
 ORDER BY stage, score DESC, pair_id
