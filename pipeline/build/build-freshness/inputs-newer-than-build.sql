-- Everything the build of year $year reads that changed after it was built, in Dutch (what) with
-- its time (at, UTC): an import of the year; the removal or restoring of an import (a removed
-- import leaves no import_batch row and a restored one keeps its old imported_at, so the ledger
-- says when); corrections of the year or earlier years; review decisions; the build of an earlier
-- year, whose locations lend their ids. A new input of the build is one more part here.
WITH build AS (SELECT built_at FROM build_run WHERE year = $year)
SELECT 'de import van bron ' || source || ' (' || file_name || ', ' || strftime(imported_at, '%Y-%m-%d %H:%M:%S') || ' UTC' || ')' AS what,
       strftime(imported_at, '%Y-%m-%d %H:%M:%S') || ' UTC' AS at
  FROM import_batch WHERE year = $year AND imported_at > (SELECT built_at FROM build)
UNION ALL
SELECT CASE action WHEN 'verwijderd' THEN 'het verwijderen' ELSE 'het terugzetten' END || ' van de import van bron ' || source ||
       ' (' || file_name || ', ' || strftime(happened_at, '%Y-%m-%d %H:%M:%S') || ' UTC' || ')' AS what,
       strftime(happened_at, '%Y-%m-%d %H:%M:%S') || ' UTC' AS at
  FROM import_event WHERE year = $year AND action IN ('verwijderd', 'teruggezet') AND happened_at > (SELECT built_at FROM build)
UNION ALL
SELECT 'de correcties uit ' || file_name || ' (' || year || ', ' || strftime(applied_at, '%Y-%m-%d %H:%M:%S') || ' UTC' || ')' AS what,
       strftime(applied_at, '%Y-%m-%d %H:%M:%S') || ' UTC' AS at
  FROM correction_file WHERE year <= $year AND applied_at > (SELECT built_at FROM build)
UNION ALL
SELECT count(*) || ' beoordeling(en) van mogelijke dubbelen (laatste ' || strftime(max(decided_at), '%Y-%m-%d %H:%M:%S') || ' UTC' || ')' AS what,
       strftime(max(decided_at), '%Y-%m-%d %H:%M:%S') || ' UTC' AS at
  FROM match_verdict WHERE decided_at > (SELECT built_at FROM build) HAVING count(*) > 0
UNION ALL
SELECT 'de build van ' || year || ' (' || strftime(built_at, '%Y-%m-%d %H:%M:%S') || ' UTC' || '), waarvan de locaties hun id doorgeven' AS what,
       strftime(built_at, '%Y-%m-%d %H:%M:%S') || ' UTC' AS at
  FROM build_run WHERE year < $year AND built_at > (SELECT built_at FROM build)
