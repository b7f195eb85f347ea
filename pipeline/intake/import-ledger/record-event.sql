-- One change of a year's imports, whose time the freshness check compares with the build's.
INSERT INTO import_event VALUES ($year, $source, $action, $file, $rows, $archive_id, $at::TIMESTAMP)
