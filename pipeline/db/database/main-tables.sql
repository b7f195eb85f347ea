-- The tables in the database file: none in a new file, `meta` in every lsp-monitor database.
SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
