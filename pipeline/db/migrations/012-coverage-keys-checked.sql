-- The coverage and accessibility tables without a PRIMARY KEY: every build deletes and writes a
-- year's rows (about 3,400 whatever the number of steunpunten), and DuckDB kept an ART index of
-- each table, updated at every write and checked at COMMIT, which cost a small build about a
-- tenth of its CPU. The keys are still checked, by the build itself before it commits
-- (pipeline/build/build-coverage/check-keys.ts):
--   coverage (year, level, area), coverage_target (year, level, area, participation_pct),
--   accessibility (year, gm_code), reach (year, level, area, km), white_spot (year, gm_code).
-- Each table is made again with the same columns, types and NOT NULLs, its rows copied in their
-- stored order.
CREATE TABLE coverage_keyless (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, area_name VARCHAR NOT NULL,
     province VARCHAR, iza_region VARCHAR, municipalities INTEGER, population DOUBLE, epa_pct DOUBLE,
     epa_count DOUBLE, epa_basis VARCHAR, in_view INTEGER NOT NULL, potential INTEGER NOT NULL, weighted DOUBLE NOT NULL);
INSERT INTO coverage_keyless SELECT * FROM coverage ORDER BY rowid;
DROP TABLE coverage;
ALTER TABLE coverage_keyless RENAME TO coverage;

CREATE TABLE coverage_target_keyless (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, participation_pct DOUBLE NOT NULL,
     desired DOUBLE NOT NULL);
INSERT INTO coverage_target_keyless SELECT * FROM coverage_target ORDER BY rowid;
DROP TABLE coverage_target;
ALTER TABLE coverage_target_keyless RENAME TO coverage_target;

CREATE TABLE accessibility_keyless (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, point_basis VARCHAR NOT NULL, points INTEGER NOT NULL,
     nearest_location_id VARCHAR, centre_km DOUBLE, mean_km DOUBLE, min_km DOUBLE, max_km DOUBLE);
INSERT INTO accessibility_keyless SELECT * FROM accessibility ORDER BY rowid;
DROP TABLE accessibility;
ALTER TABLE accessibility_keyless RENAME TO accessibility;

CREATE TABLE reach_keyless (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, km DOUBLE NOT NULL,
     population DOUBLE NOT NULL, share DOUBLE NOT NULL);
INSERT INTO reach_keyless SELECT * FROM reach ORDER BY rowid;
DROP TABLE reach;
ALTER TABLE reach_keyless RENAME TO reach;

CREATE TABLE white_spot_keyless (
     year INTEGER NOT NULL, rank INTEGER NOT NULL, gm_code VARCHAR NOT NULL, within_km DOUBLE NOT NULL,
     partly_within_reach BOOLEAN NOT NULL);
INSERT INTO white_spot_keyless SELECT * FROM white_spot ORDER BY rowid;
DROP TABLE white_spot;
ALTER TABLE white_spot_keyless RENAME TO white_spot;
