-- Self-assessment of year $year: per characteristic and answer, how many steunpunten in view gave
-- it, counting each steunpunt's latest answer (latest source, then latest origin).
WITH latest AS (
  SELECT a.location_id, a.characteristic, a.answer,
         row_number() OVER (PARTITION BY a.location_id, a.characteristic ORDER BY a.source DESC, a.origin DESC) AS version
    FROM survey_answer a JOIN location l ON l.year = a.year AND l.location_id = a.location_id
   WHERE a.year = $year AND l.status = 'actief')
SELECT characteristic, answer, count(*)::INTEGER AS locations FROM latest WHERE version = 1
 GROUP BY characteristic, answer ORDER BY characteristic, answer
