-- The build of year $year: its method, parameters and when it was built (UTC as stored; every
-- timestamp is written from toISOString, and shown to people as such).
SELECT method, parameters::VARCHAR AS parameters, strftime(built_at, '%Y-%m-%d %H:%M:%S') || ' UTC' AS built_at
  FROM build_run WHERE year = $year
