-- Coverage of year $year at every level, with the desired number per participation percentage as
-- a JSON object keyed by percentage (grouped once and joined: a subquery per row took twice as long).
SELECT c.level, c.area, c.area_name, c.province, c.iza_region, c.municipalities, c.population, c.epa_pct,
       c.epa_count, c.epa_basis, c.in_view, c.potential, c.weighted, t.desired
  FROM coverage c
  LEFT JOIN (SELECT level, area, json_group_object(participation_pct::VARCHAR, desired)::VARCHAR AS desired
               FROM coverage_target WHERE year = $year GROUP BY level, area) t
         ON t.level = c.level AND t.area = c.area
 WHERE c.year = $year
 ORDER BY c.level, c.area_name
