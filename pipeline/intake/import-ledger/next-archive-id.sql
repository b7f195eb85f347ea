-- The archive id the next archived import gets.
SELECT coalesce(max(archive_id), 0) + 1 AS id FROM import_archive
