-- Sets one value of the database's own bookkeeping.
INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)
