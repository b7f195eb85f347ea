-- Steunpunten in view and their weighted count in the whole country in year $year.
SELECT in_view, weighted FROM coverage WHERE year = $year AND level = 'nederland'
