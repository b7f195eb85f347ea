-- The white spots of year $year by rank, with their municipality and nearest steunpunt.
SELECT w.rank, w.gm_code, c.area_name AS municipality, c.province, c.population, a.centre_km,
       l.name AS nearest_name, coalesce(l.place, l.municipality) AS nearest_place, w.partly_within_reach
  FROM white_spot w
  JOIN coverage c ON c.year = w.year AND c.level = 'gemeente' AND c.area = w.gm_code
  JOIN accessibility a ON a.year = w.year AND a.gm_code = w.gm_code
  LEFT JOIN location l ON l.year = w.year AND l.location_id = a.nearest_location_id
 WHERE w.year = $year ORDER BY w.rank
