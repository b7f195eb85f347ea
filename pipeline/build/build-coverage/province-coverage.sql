-- Coverage per province of monitor year $year, from its municipalities' coverage. The province's
-- EPA share is, with $published_share, the one published for the latest year up to $epa_year
-- (De Galan: the unweighted mean of its municipalities); otherwise the population-weighted mean
-- of its municipalities' shares. The shares come from the view epa_share (migration 009).
INSERT INTO coverage
WITH municipalities AS (
       SELECT province, count(*)::INTEGER AS municipalities, sum(population ORDER BY area) AS population, sum(epa_count ORDER BY area) AS epa_count,
              string_agg(DISTINCT epa_basis, '+' ORDER BY epa_basis) AS epa_basis
         FROM coverage WHERE year = $year AND level = 'gemeente' GROUP BY province),
     province_share AS (
       SELECT area AS province, arg_max(epa_pct, year) AS epa_pct FROM epa_share
        WHERE level = 'provincie' AND year <= $epa_year GROUP BY area)
SELECT $year, 'provincie', m.province, m.province, m.province, NULL, m.municipalities, m.population,
       CASE WHEN $published_share THEN ps.epa_pct ELSE m.epa_count / m.population * 100 END,
       CASE WHEN $published_share THEN m.population * ps.epa_pct / 100 ELSE m.epa_count END,
       CASE WHEN $published_share THEN CASE WHEN ps.epa_pct IS NOT NULL THEN 'provincie' END ELSE m.epa_basis END,
       coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
  FROM municipalities m
  LEFT JOIN province_share ps USING (province)
  LEFT JOIN location_count c ON c.level = 'provincie' AND c.area = m.province
