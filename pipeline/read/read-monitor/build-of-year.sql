-- The build of year $year: method, the population and EPA years it used, its parameters (JSON).
SELECT method, population_year, epa_year, parameters::VARCHAR AS parameters FROM build_run WHERE year = $year
