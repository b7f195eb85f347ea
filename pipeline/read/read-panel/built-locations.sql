-- Every location of every built year, all its columns: the reader keeps the ones LocationRow
-- declares, so a field added there reaches the panel unasked.
SELECT l.* FROM location l JOIN build_run b ON b.year = l.year
