-- The municipalities of year $year's coverage, with their population.
SELECT area AS gm_code, area_name AS name, province, population FROM coverage
 WHERE year = $year AND level = 'gemeente' ORDER BY area
