-- The counts are of one build only.
DROP TABLE IF EXISTS location_count
