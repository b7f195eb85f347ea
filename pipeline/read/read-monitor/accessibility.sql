-- Distance to the nearest steunpunt per municipality of year $year, with the population within
-- each distance band as a JSON object keyed by km (grouped once and joined: a subquery per row took
-- twice as long).
SELECT a.gm_code, c.area_name AS municipality, c.province, c.population, a.point_basis, a.nearest_location_id,
       l.name AS nearest_name, a.centre_km, a.mean_km, a.max_km, r.within
  FROM accessibility a
  JOIN coverage c ON c.year = a.year AND c.level = 'gemeente' AND c.area = a.gm_code
  LEFT JOIN location l ON l.year = a.year AND l.location_id = a.nearest_location_id
  LEFT JOIN (SELECT area, json_group_object(km::VARCHAR, population)::VARCHAR AS within
               FROM reach WHERE year = $year AND level = 'gemeente' GROUP BY area) r
         ON r.area = a.gm_code
 WHERE a.year = $year ORDER BY a.gm_code
