-- Coverage of year $year at every level, with the desired number per participation percentage as
-- a JSON object keyed by percentage.
SELECT c.level, c.area, c.area_name, c.province, c.iza_region, c.municipalities, c.population, c.epa_pct,
       c.epa_count, c.epa_basis, c.in_view, c.potential, c.weighted,
       (SELECT json_group_object(t.participation_pct::VARCHAR, t.desired)::VARCHAR FROM coverage_target t
         WHERE t.year = c.year AND t.level = c.level AND t.area = c.area) AS desired
  FROM coverage c WHERE c.year = $year
 ORDER BY c.level, c.area_name
