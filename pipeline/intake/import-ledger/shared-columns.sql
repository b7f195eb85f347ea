-- The columns of a live table ($live) and its archive ($archive), in table order.
SELECT column_name, table_name FROM duckdb_columns()
 WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN ($live, $archive) ORDER BY column_index
