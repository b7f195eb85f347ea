-- A person's decision on pair $pair_id of year $year (zelfde / verschillend), from corrections
-- file $file_name: kept by the pair's fingerprints, so every later build honours it.
INSERT OR REPLACE INTO match_verdict
SELECT fingerprint_a, fingerprint_b, $decision, $file_name, now() FROM match_pair WHERE year = $year AND pair_id = $pair_id LIMIT 1
