-- When the corrections file with hash $sha256 was taken in for year $year.
SELECT applied_at::VARCHAR AS applied_at FROM correction_file WHERE year = $year AND sha256 = $sha256
