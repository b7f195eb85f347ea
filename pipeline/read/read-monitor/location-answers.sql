-- Self-assessment of year $year per location: its latest answer per characteristic.
SELECT location_id, characteristic, answer FROM (
  SELECT location_id, characteristic, answer,
         row_number() OVER (PARTITION BY location_id, characteristic ORDER BY source DESC, origin DESC) AS version
    FROM survey_answer WHERE year = $year AND location_id IS NOT NULL)
 WHERE version = 1 ORDER BY location_id, characteristic
