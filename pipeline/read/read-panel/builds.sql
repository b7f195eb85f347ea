-- Every built year with its parameters (JSON), oldest first.
SELECT year, parameters::VARCHAR AS parameters FROM build_run ORDER BY year
