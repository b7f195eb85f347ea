-- Every change to an existing location from corrections of year $year and earlier, oldest first,
-- so a later value of the same field wins.
SELECT c.location_id, c.field, c.new_value, f.file_name
  FROM correction c JOIN correction_file f USING (year, sha256)
 WHERE c.kind = 'change' AND c.year <= $year
 ORDER BY c.year, f.applied_at, c.seq
