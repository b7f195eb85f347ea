-- Coverage of the whole country in monitor year $year: desired numbers follow from the national
-- EPA count, not from rounded provinces.
INSERT INTO coverage
WITH provinces AS (
       SELECT sum(municipalities)::INTEGER AS municipalities, sum(population ORDER BY area) AS population, sum(epa_count ORDER BY area) AS epa_count,
              string_agg(DISTINCT epa_basis, '+' ORDER BY epa_basis) AS epa_basis
         FROM coverage WHERE year = $year AND level = 'provincie')
SELECT $year, 'nederland', 'NL', 'Nederland', NULL, NULL, p.municipalities, p.population,
       p.epa_count / p.population * 100, p.epa_count, p.epa_basis,
       coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
  FROM provinces p LEFT JOIN location_count c ON c.level = 'nederland'
