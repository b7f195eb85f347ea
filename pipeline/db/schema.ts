/**
 * Tables of the monitor database. `ref_*` hold bundled reference data (reloaded when the bundle
 * changes); `import_batch`, `inventory_record` and `reject` hold what was imported; `location`,
 * `coverage`, `coverage_target` and `build_run` are rebuilt per year by `build`.
 *
 * Bump SCHEMA_VERSION when a table changes shape: an older database is then refused with a
 * message instead of being misread.
 */
export const SCHEMA_VERSION = 6;

export const SCHEMA_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS ref_municipality (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, name VARCHAR NOT NULL, province VARCHAR NOT NULL,
     PRIMARY KEY (year, gm_code))`,
  `CREATE TABLE IF NOT EXISTS ref_population (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, name VARCHAR NOT NULL, population INTEGER NOT NULL,
     PRIMARY KEY (year, gm_code))`,
  // Every municipality code ever bundled -> current code(s); a split spreads over several rows.
  `CREATE TABLE IF NOT EXISTS ref_lineage (
     from_code VARCHAR NOT NULL, gm_code VARCHAR NOT NULL, share DOUBLE NOT NULL,
     PRIMARY KEY (from_code, gm_code))`,
  `CREATE TABLE IF NOT EXISTS ref_iza_region (
     gm_code VARCHAR PRIMARY KEY, iza_region VARCHAR NOT NULL, confidence VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ref_region_province (iza_region VARCHAR PRIMARY KEY, province VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ref_epa_share (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, epa_pct DOUBLE NOT NULL, source VARCHAR NOT NULL,
     PRIMARY KEY (year, level, area))`,
  `CREATE TABLE IF NOT EXISTS ref_pc4 (
     pc4 VARCHAR PRIMARY KEY, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, gm_code VARCHAR NOT NULL, woonplaats VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ref_centroid (gm_code VARCHAR PRIMARY KEY, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL)`,

  // EPA shares per municipality from Vektis (imported or fetched), on current municipality codes.
  `CREATE TABLE IF NOT EXISTS epa_municipality (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, epa_pct DOUBLE NOT NULL, name_as_written VARCHAR NOT NULL,
     file_name VARCHAR NOT NULL,
     PRIMARY KEY (year, gm_code))`,
  `CREATE TABLE IF NOT EXISTS import_batch (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
     format VARCHAR NOT NULL, rows_read INTEGER NOT NULL, rows_imported INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
     imported_at TIMESTAMP NOT NULL,
     PRIMARY KEY (year, source))`,
  `CREATE TABLE IF NOT EXISTS inventory_record (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     name VARCHAR NOT NULL, organisation VARCHAR, address VARCHAR, postcode VARCHAR, place VARCHAR,
     municipality_as_written VARCHAR, gm_code_as_written VARCHAR, iza_region_as_written VARCHAR,
     dagdelen_per_week DOUBLE, visitors_per_week DOUBLE, size_given VARCHAR, status VARCHAR NOT NULL,
     website VARCHAR, note VARCHAR, extra JSON,
     gm_code VARCHAR, municipality VARCHAR, province VARCHAR NOT NULL, iza_region VARCHAR,
     resolution_basis VARCHAR NOT NULL, resolution_note VARCHAR,
     PRIMARY KEY (year, source, row_number))`,
  // Self-assessment on the ten characteristics, per location and year (matched to the year's locations).
  `CREATE TABLE IF NOT EXISTS survey_answer (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, file_name VARCHAR NOT NULL, origin VARCHAR NOT NULL,
     location_id VARCHAR, name VARCHAR NOT NULL, municipality VARCHAR, characteristic INTEGER NOT NULL, answer VARCHAR NOT NULL,
     PRIMARY KEY (year, source, origin, characteristic))`,
  `CREATE TABLE IF NOT EXISTS reject (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, file_name VARCHAR NOT NULL, row_number INTEGER,
     field VARCHAR, reason VARCHAR NOT NULL)`,

  // Corrections from the working group's edited overview workbook: a source of their own, applied
  // by every build of their year and later years.
  `CREATE TABLE IF NOT EXISTS correction_file (
     year INTEGER NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL,
     changes INTEGER NOT NULL,
     PRIMARY KEY (year, sha256))`,
  `CREATE TABLE IF NOT EXISTS correction (
     year INTEGER NOT NULL, sha256 VARCHAR NOT NULL, seq INTEGER NOT NULL, kind VARCHAR NOT NULL,
     location_id VARCHAR, field VARCHAR, old_value VARCHAR, new_value VARCHAR, pair_id VARCHAR, decision VARCHAR,
     sheet VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     PRIMARY KEY (year, sha256, seq))`,
  `CREATE TABLE IF NOT EXISTS build_run (
     year INTEGER PRIMARY KEY, method VARCHAR NOT NULL, population_year INTEGER NOT NULL, epa_year INTEGER NOT NULL,
     parameters JSON NOT NULL, built_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS location (
     year INTEGER NOT NULL, location_id VARCHAR NOT NULL, name VARCHAR NOT NULL, organisation VARCHAR,
     address VARCHAR, postcode VARCHAR, place VARCHAR, gm_code VARCHAR, municipality VARCHAR, province VARCHAR NOT NULL,
     iza_region VARCHAR, size_class VARCHAR NOT NULL, size_basis VARCHAR NOT NULL, weight DOUBLE NOT NULL,
     status VARCHAR NOT NULL, sources VARCHAR NOT NULL, flags VARCHAR, note VARCHAR,
     organisation_id VARCHAR, website VARCHAR, dagdelen_per_week DOUBLE, visitors_per_week DOUBLE,
     lat DOUBLE, lon DOUBLE, coordinate_precision VARCHAR,
     PRIMARY KEY (year, location_id))`,
  // Straight-line distance from each municipality's populated points to the nearest steunpunt in view.
  `CREATE TABLE IF NOT EXISTS accessibility (
     year INTEGER NOT NULL, gm_code VARCHAR NOT NULL, point_basis VARCHAR NOT NULL, points INTEGER NOT NULL,
     nearest_location_id VARCHAR, centre_km DOUBLE, mean_km DOUBLE, min_km DOUBLE, max_km DOUBLE,
     PRIMARY KEY (year, gm_code))`,
  // Population within each distance band, per municipality, province and the whole country.
  `CREATE TABLE IF NOT EXISTS reach (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, km DOUBLE NOT NULL,
     population DOUBLE NOT NULL, share DOUBLE NOT NULL,
     PRIMARY KEY (year, level, area, km))`,
  `CREATE TABLE IF NOT EXISTS white_spot (
     year INTEGER NOT NULL, rank INTEGER NOT NULL, gm_code VARCHAR NOT NULL, within_km DOUBLE NOT NULL,
     partly_within_reach BOOLEAN NOT NULL,
     PRIMARY KEY (year, gm_code))`,
  // Which imported records make up each location (its provenance).
  `CREATE TABLE IF NOT EXISTS location_member (
     year INTEGER NOT NULL, location_id VARCHAR NOT NULL, source VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     fingerprint VARCHAR NOT NULL, level VARCHAR NOT NULL,
     PRIMARY KEY (year, source, row_number))`,
  `CREATE TABLE IF NOT EXISTS organisation (
     year INTEGER NOT NULL, organisation_id VARCHAR NOT NULL, name VARCHAR NOT NULL, locations INTEGER NOT NULL,
     PRIMARY KEY (year, organisation_id))`,
  // Evidence of the matcher: merges ('zelfde'), doubtful pairs ('te beoordelen'), within a year
  // or against earlier years. fingerprint_a/b identify the records across re-imports.
  `CREATE TABLE IF NOT EXISTS match_pair (
     year INTEGER NOT NULL, stage VARCHAR NOT NULL, pair_id VARCHAR NOT NULL,
     item_a VARCHAR NOT NULL, item_b VARCHAR NOT NULL, fingerprint_a VARCHAR NOT NULL, fingerprint_b VARCHAR NOT NULL,
     location_a VARCHAR, location_b VARCHAR, name_a VARCHAR NOT NULL, name_b VARCHAR NOT NULL,
     place_a VARCHAR, place_b VARCHAR, score DOUBLE NOT NULL, rule VARCHAR NOT NULL, outcome VARCHAR NOT NULL,
     PRIMARY KEY (year, stage, item_a, item_b))`,
  // Decisions by people (same / different), honoured by every later build of every year.
  `CREATE TABLE IF NOT EXISTS match_verdict (
     fingerprint_a VARCHAR NOT NULL, fingerprint_b VARCHAR NOT NULL, verdict VARCHAR NOT NULL,
     decided_in VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL,
     PRIMARY KEY (fingerprint_a, fingerprint_b))`,
  // Base figures per area. level: nederland | provincie | iza_regio | gemeente.
  `CREATE TABLE IF NOT EXISTS coverage (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, area_name VARCHAR NOT NULL,
     province VARCHAR, iza_region VARCHAR, municipalities INTEGER, population DOUBLE, epa_pct DOUBLE,
     epa_count DOUBLE, epa_basis VARCHAR, in_view INTEGER NOT NULL, potential INTEGER NOT NULL, weighted DOUBLE NOT NULL,
     PRIMARY KEY (year, level, area))`,
  // Desired number of steunpunten per participation percentage (exact, unrounded).
  `CREATE TABLE IF NOT EXISTS coverage_target (
     year INTEGER NOT NULL, level VARCHAR NOT NULL, area VARCHAR NOT NULL, participation_pct DOUBLE NOT NULL,
     desired DOUBLE NOT NULL,
     PRIMARY KEY (year, level, area, participation_pct))`,
];
