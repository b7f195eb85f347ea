-- The build's three largest tables without a PRIMARY KEY: DuckDB kept an ART index of each and
-- checked it at COMMIT, which at a million records cost seconds and hundreds of MB. The keys are
-- still checked, by the build itself before it commits (pipeline/build/check-build-keys.ts):
--   location (year, location_id), location_member (year, source, row_number),
--   match_pair (year, stage, item_a, item_b).
-- Each table is made again with the same columns, types and NOT NULLs, its rows copied in their
-- stored order.
CREATE TABLE location_keyless (
     year INTEGER NOT NULL, location_id VARCHAR NOT NULL, name VARCHAR NOT NULL, organisation VARCHAR,
     address VARCHAR, postcode VARCHAR, place VARCHAR, gm_code VARCHAR, municipality VARCHAR, province VARCHAR NOT NULL,
     iza_region VARCHAR, size_class VARCHAR NOT NULL, size_basis VARCHAR NOT NULL, weight DOUBLE NOT NULL,
     status VARCHAR NOT NULL, sources VARCHAR NOT NULL, flags VARCHAR, note VARCHAR,
     organisation_id VARCHAR, website VARCHAR, dagdelen_per_week DOUBLE, visitors_per_week DOUBLE,
     lat DOUBLE, lon DOUBLE, coordinate_precision VARCHAR, opening_hours VARCHAR);
INSERT INTO location_keyless SELECT * FROM location ORDER BY rowid;
DROP TABLE location;
ALTER TABLE location_keyless RENAME TO location;

CREATE TABLE location_member_keyless (
     year INTEGER NOT NULL, location_id VARCHAR NOT NULL, source VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     fingerprint VARCHAR NOT NULL, level VARCHAR NOT NULL);
INSERT INTO location_member_keyless SELECT * FROM location_member ORDER BY rowid;
DROP TABLE location_member;
ALTER TABLE location_member_keyless RENAME TO location_member;

CREATE TABLE match_pair_keyless (
     year INTEGER NOT NULL, stage VARCHAR NOT NULL, pair_id VARCHAR NOT NULL,
     item_a VARCHAR NOT NULL, item_b VARCHAR NOT NULL, fingerprint_a VARCHAR NOT NULL, fingerprint_b VARCHAR NOT NULL,
     location_a VARCHAR, location_b VARCHAR, name_a VARCHAR NOT NULL, name_b VARCHAR NOT NULL,
     place_a VARCHAR, place_b VARCHAR, score DOUBLE NOT NULL, rule VARCHAR NOT NULL, outcome VARCHAR NOT NULL);
INSERT INTO match_pair_keyless SELECT * FROM match_pair ORDER BY rowid;
DROP TABLE match_pair;
ALTER TABLE match_pair_keyless RENAME TO match_pair;
