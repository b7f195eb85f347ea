-- Baseline: the schema lsp-monitor 6 created (before numbered migrations), table for table, so
-- an existing version-6 database is recognised as it is. Never edit an applied migration: add
-- the next number instead (see README.md in this folder).
--
-- ref_* hold bundled reference data (reloaded when the bundle changes); import_batch,
-- inventory_record and reject hold what was imported; survey_answer, epa_municipality,
-- correction_file, correction and match_verdict hold what people supplied; location, coverage,
-- coverage_target, accessibility, reach, white_spot, location_member, organisation, match_pair
-- and build_run are rebuilt per year by `build`.
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE ref_municipality (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, name VARCHAR NOT NULL, province VARCHAR NOT NULL,
     PRIMARY KEY (year, gm_code));
CREATE TABLE ref_population (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, name VARCHAR NOT NULL, population INTEGER NOT NULL,
     PRIMARY KEY (year, gm_code));
CREATE TABLE ref_lineage (
     from_code VARCHAR NOT NULL, gm_code VARCHAR NOT NULL, share DOUBLE NOT NULL,
     PRIMARY KEY (from_code, gm_code));
CREATE TABLE ref_iza_region (
     gm_code VARCHAR PRIMARY KEY, iza_region VARCHAR NOT NULL, confidence VARCHAR NOT NULL);
CREATE TABLE ref_region_province (iza_region VARCHAR PRIMARY KEY, province VARCHAR NOT NULL);
CREATE TABLE ref_epa_share (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, epa_pct DOUBLE NOT NULL, source VARCHAR NOT NULL,
     PRIMARY KEY (year, level, area));
CREATE TABLE ref_pc4 (
     pc4 VARCHAR PRIMARY KEY, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, gm_code VARCHAR NOT NULL, woonplaats VARCHAR NOT NULL);
CREATE TABLE ref_centroid (gm_code VARCHAR PRIMARY KEY, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL);
CREATE TABLE epa_municipality (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, epa_pct DOUBLE NOT NULL, name_as_written VARCHAR NOT NULL,
     file_name VARCHAR NOT NULL,
     PRIMARY KEY (year, gm_code));
CREATE TABLE import_batch (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
     format VARCHAR NOT NULL, rows_read INTEGER NOT NULL, rows_imported INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
     imported_at TIMESTAMP NOT NULL,
     PRIMARY KEY (year, source));
CREATE TABLE inventory_record (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     name VARCHAR NOT NULL, organisation VARCHAR, address VARCHAR, postcode VARCHAR, place VARCHAR,
     municipality_as_written VARCHAR, gm_code_as_written VARCHAR, iza_region_as_written VARCHAR,
     dagdelen_per_week DOUBLE, visitors_per_week DOUBLE, size_given VARCHAR, status VARCHAR NOT NULL,
     website VARCHAR, note VARCHAR, extra JSON,
     gm_code VARCHAR, municipality VARCHAR, province VARCHAR NOT NULL, iza_region VARCHAR,
     resolution_basis VARCHAR NOT NULL, resolution_note VARCHAR,
     PRIMARY KEY (year, source, row_number));
CREATE TABLE survey_answer (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, file_name VARCHAR NOT NULL, origin VARCHAR NOT NULL,
     location_id VARCHAR, name VARCHAR NOT NULL, municipality VARCHAR, characteristic INTEGER NOT NULL, answer VARCHAR NOT NULL,
     PRIMARY KEY (year, source, origin, characteristic));
CREATE TABLE reject (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, file_name VARCHAR NOT NULL, row_number INTEGER,
     field VARCHAR, reason VARCHAR NOT NULL);
CREATE TABLE correction_file (
     year INTEGER NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL,
     changes INTEGER NOT NULL,
     PRIMARY KEY (year, sha256));
CREATE TABLE correction (
     year INTEGER NOT NULL, sha256 VARCHAR NOT NULL, seq INTEGER NOT NULL, kind VARCHAR NOT NULL,
     location_id VARCHAR, field VARCHAR, old_value VARCHAR, new_value VARCHAR, pair_id VARCHAR, decision VARCHAR,
     sheet VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     PRIMARY KEY (year, sha256, seq));
CREATE TABLE build_run (
     year INTEGER PRIMARY KEY, method VARCHAR NOT NULL, population_year INTEGER NOT NULL, epa_year INTEGER NOT NULL,
     parameters JSON NOT NULL, built_at TIMESTAMP NOT NULL);
CREATE TABLE location (
     year INTEGER NOT NULL, location_id VARCHAR NOT NULL, name VARCHAR NOT NULL, organisation VARCHAR,
     address VARCHAR, postcode VARCHAR, place VARCHAR, gm_code VARCHAR, municipality VARCHAR, province VARCHAR NOT NULL,
     iza_region VARCHAR, size_class VARCHAR NOT NULL, size_basis VARCHAR NOT NULL, weight DOUBLE NOT NULL,
     status VARCHAR NOT NULL, sources VARCHAR NOT NULL, flags VARCHAR, note VARCHAR,
     organisation_id VARCHAR, website VARCHAR, dagdelen_per_week DOUBLE, visitors_per_week DOUBLE,
     lat DOUBLE, lon DOUBLE, coordinate_precision VARCHAR,
     PRIMARY KEY (year, location_id));
CREATE TABLE accessibility (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, point_basis VARCHAR NOT NULL, points INTEGER NOT NULL,
     nearest_location_id VARCHAR, centre_km DOUBLE, mean_km DOUBLE, min_km DOUBLE, max_km DOUBLE,
     PRIMARY KEY (year, gm_code));
CREATE TABLE reach (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, km DOUBLE NOT NULL,
     population DOUBLE NOT NULL, share DOUBLE NOT NULL,
     PRIMARY KEY (year, level, area, km));
CREATE TABLE white_spot (
     year INTEGER NOT NULL, rank INTEGER NOT NULL, gm_code VARCHAR NOT NULL, within_km DOUBLE NOT NULL,
     partly_within_reach BOOLEAN NOT NULL,
     PRIMARY KEY (year, gm_code));
CREATE TABLE location_member (
     year INTEGER NOT NULL, location_id VARCHAR NOT NULL, source VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     fingerprint VARCHAR NOT NULL, level VARCHAR NOT NULL,
     PRIMARY KEY (year, source, row_number));
CREATE TABLE organisation (
     year INTEGER NOT NULL, organisation_id VARCHAR NOT NULL, name VARCHAR NOT NULL, locations INTEGER NOT NULL,
     PRIMARY KEY (year, organisation_id));
CREATE TABLE match_pair (
     year INTEGER NOT NULL, stage VARCHAR NOT NULL, pair_id VARCHAR NOT NULL,
     item_a VARCHAR NOT NULL, item_b VARCHAR NOT NULL, fingerprint_a VARCHAR NOT NULL, fingerprint_b VARCHAR NOT NULL,
     location_a VARCHAR, location_b VARCHAR, name_a VARCHAR NOT NULL, name_b VARCHAR NOT NULL,
     place_a VARCHAR, place_b VARCHAR, score DOUBLE NOT NULL, rule VARCHAR NOT NULL, outcome VARCHAR NOT NULL,
     PRIMARY KEY (year, stage, item_a, item_b));
CREATE TABLE match_verdict (
     fingerprint_a VARCHAR NOT NULL, fingerprint_b VARCHAR NOT NULL, verdict VARCHAR NOT NULL,
     decided_in VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL,
     PRIMARY KEY (fingerprint_a, fingerprint_b));
CREATE TABLE coverage (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, area_name VARCHAR NOT NULL,
     province VARCHAR, iza_region VARCHAR, municipalities INTEGER, population DOUBLE, epa_pct DOUBLE,
     epa_count DOUBLE, epa_basis VARCHAR, in_view INTEGER NOT NULL, potential INTEGER NOT NULL, weighted DOUBLE NOT NULL,
     PRIMARY KEY (year, level, area));
CREATE TABLE coverage_target (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, participation_pct DOUBLE NOT NULL,
     desired DOUBLE NOT NULL,
     PRIMARY KEY (year, level, area, participation_pct));
