-- The steunpunten in view in year $year that have coordinates.
SELECT location_id, lat, lon FROM location
 WHERE year = $year AND status = 'actief' AND lat IS NOT NULL ORDER BY location_id
