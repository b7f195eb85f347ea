-- Coverage per IZA-region of monitor year $year, summed from its municipalities' coverage.
INSERT INTO coverage
WITH municipalities AS (
       SELECT iza_region, count(*)::INTEGER AS municipalities, sum(population ORDER BY area) AS population, sum(epa_count ORDER BY area) AS epa_count,
              string_agg(DISTINCT epa_basis, '+' ORDER BY epa_basis) AS epa_basis
         FROM coverage WHERE year = $year AND level = 'gemeente' GROUP BY iza_region)
SELECT $year, 'iza_regio', r.iza_region, r.iza_region, r.province, r.iza_region, m.municipalities, m.population,
       m.epa_count / m.population * 100, m.epa_count, m.epa_basis,
       coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
  FROM ref_region_province r
  LEFT JOIN municipalities m USING (iza_region)
  LEFT JOIN location_count c ON c.level = 'iza_regio' AND c.area = r.iza_region
