-- Imports become reversible and their changes visible (issue 11, observations 1 and 2).
--
-- An import that is replaced by a different file, or removed with `lsp-monitor imports remove`,
-- moves into the *_archive tables under one archive_id instead of being deleted, so
-- `lsp-monitor imports restore` can bring it back. The archive tables carry the columns of
-- import_batch, inventory_record and reject: a later migration that adds a column to one of those
-- adds it to its archive table too (rows are moved by matching column names).
-- Created from the live tables so their columns match exactly (CREATE TABLE AS keeps no keys).
CREATE TABLE import_archive AS
  SELECT 0::INTEGER AS archive_id, ''::VARCHAR AS reason, now()::TIMESTAMP AS archived_at, * FROM import_batch LIMIT 0;
CREATE TABLE inventory_record_archive AS SELECT 0::INTEGER AS archive_id, * FROM inventory_record LIMIT 0;
CREATE TABLE reject_archive AS SELECT 0::INTEGER AS archive_id, * FROM reject LIMIT 0;
-- Every change to a year's imported inventories: action is 'ingelezen' (a new source),
-- 'vervangen' (a source imported again), 'verwijderd' or 'teruggezet'. A build of the year older
-- than max(happened_at) of that year is stale.
CREATE TABLE import_event (
     year INTEGER NOT NULL, source VARCHAR NOT NULL, action VARCHAR NOT NULL, file_name VARCHAR NOT NULL,
     rows_imported INTEGER NOT NULL, archive_id INTEGER, happened_at TIMESTAMP NOT NULL);
