-- Every location of the years before $year, in its latest version: the ids a new build carries on.
SELECT location_id, name, organisation, postcode, place, gm_code, iza_region, website
  FROM (SELECT *, row_number() OVER (PARTITION BY location_id ORDER BY year DESC) AS version
          FROM location WHERE year < $year)
 WHERE version = 1 ORDER BY location_id
