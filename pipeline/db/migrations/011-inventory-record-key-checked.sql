-- inventory_record without its PRIMARY KEY: DuckDB kept an ART index of it and checked it at
-- COMMIT, which at a million records cost seconds of the import. The key (year, source, row_number)
-- is still checked, by the import itself before it commits (pipeline/intake/check-record-keys.ts).
-- The table is made again with the same columns, types and NOT NULLs, its rows copied in their
-- stored order.
CREATE TABLE inventory_record_keyless (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, row_number INTEGER NOT NULL,
     name VARCHAR NOT NULL, organisation VARCHAR, address VARCHAR, postcode VARCHAR, place VARCHAR,
     municipality_as_written VARCHAR, gm_code_as_written VARCHAR, iza_region_as_written VARCHAR,
     dagdelen_per_week DOUBLE, visitors_per_week DOUBLE, size_given VARCHAR, status VARCHAR NOT NULL,
     website VARCHAR, note VARCHAR, extra JSON,
     gm_code VARCHAR, municipality VARCHAR, province VARCHAR NOT NULL, iza_region VARCHAR,
     resolution_basis VARCHAR NOT NULL, resolution_note VARCHAR);
INSERT INTO inventory_record_keyless SELECT * FROM inventory_record ORDER BY rowid;
DROP TABLE inventory_record;
ALTER TABLE inventory_record_keyless RENAME TO inventory_record;
