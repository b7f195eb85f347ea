-- Coverage per municipality of the current division ($municipality_year) for monitor year $year.
-- Population of $population_year is carried onto current municipalities through the lineage
-- (mergers; a split spreads by the receivers' population). The EPA share is the municipality's
-- own of $epa_year, else its province's of the latest year up to it (epa_basis 'provincie'); the
-- shares come from the view epa_share (migration 009).
INSERT INTO coverage
WITH current_municipality AS (SELECT gm_code, name, province FROM ref_municipality WHERE year = $municipality_year),
     population AS (
       SELECT l.gm_code, sum(p.population * l.share ORDER BY p.gm_code) AS population
         FROM ref_population p JOIN ref_lineage l ON l.from_code = p.gm_code
        WHERE p.year = $population_year GROUP BY l.gm_code),
     province_share AS (
       SELECT area AS province, arg_max(epa_pct, year) AS epa_pct FROM epa_share
        WHERE level = 'provincie' AND year <= $epa_year GROUP BY area),
     municipality_share AS (SELECT area AS gm_code, epa_pct FROM epa_share WHERE year = $epa_year AND level = 'gemeente')
SELECT $year, 'gemeente', m.gm_code, m.name, m.province, r.iza_region, 1, p.population,
       coalesce(ms.epa_pct, ps.epa_pct),
       p.population * coalesce(ms.epa_pct, ps.epa_pct) / 100,
       CASE WHEN ms.epa_pct IS NOT NULL THEN 'gemeente' WHEN ps.epa_pct IS NOT NULL THEN 'provincie' END,
       coalesce(c.in_view, 0), coalesce(c.potential, 0), coalesce(c.weighted, 0)
  FROM current_municipality m
  LEFT JOIN population p USING (gm_code)
  LEFT JOIN ref_iza_region r USING (gm_code)
  LEFT JOIN municipality_share ms USING (gm_code)
  LEFT JOIN province_share ps ON ps.province = m.province
  LEFT JOIN location_count c ON c.level = 'gemeente' AND c.area = m.gm_code
