-- The answers of survey source $source in year $year and the files they came from, for the
-- guard that refuses a new file with none or far fewer usable answers.
SELECT count(*)::INTEGER AS answers, coalesce(string_agg(DISTINCT file_name, ', ' ORDER BY file_name), '') AS files
  FROM survey_answer WHERE year = $year AND source = $source
