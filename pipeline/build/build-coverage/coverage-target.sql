-- The desired number of steunpunten per area of monitor year $year at $participation_pct percent
-- participation: EPA count / capacity per week × participation (De Galan 2024, §2.4.2).
INSERT INTO coverage_target
SELECT year, level, area, $participation_pct, epa_count / $capacity_per_week * $participation_pct / 100
  FROM coverage WHERE year = $year AND epa_count IS NOT NULL
