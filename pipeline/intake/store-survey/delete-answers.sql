-- The answers of survey source $source in year $year, before a new file of it replaces them.
DELETE FROM survey_answer WHERE year = $year AND source = $source
