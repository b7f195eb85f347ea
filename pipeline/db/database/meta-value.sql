-- One value of the database's own bookkeeping (schema version, reference fingerprint).
SELECT value FROM meta WHERE key = $key
