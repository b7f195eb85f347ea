-- Whether the corrections file with hash $sha256 was already taken in for year $year (0 or 1).
SELECT count(*)::INTEGER AS n FROM correction_file WHERE year = $year AND sha256 = $sha256
