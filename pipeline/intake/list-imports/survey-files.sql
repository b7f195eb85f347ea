-- The self-assessment files of year $year: answers, respondents and how many were linked to a steunpunt.
SELECT source, file_name, count(*)::INTEGER AS answers,
       count(DISTINCT name || '|' || coalesce(municipality, ''))::INTEGER AS respondents,
       count(DISTINCT location_id)::INTEGER AS linked
  FROM survey_answer WHERE year = $year GROUP BY source, file_name ORDER BY source, file_name
