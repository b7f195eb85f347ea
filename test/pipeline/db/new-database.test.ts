/**
 * A new database file is a copy of the build's template (pipeline/db/new-database.ts): it must be
 * what creating the file leaves (every migration, the reference tables), and the copy must never
 * replace a file or leave half of one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../pipeline/context.ts';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { copyTemplate, templateName } from '../../../pipeline/db/new-database.ts';
import { writeTemplate } from '../../../pipeline/db/new-database-template.ts';
import { ensureReferenceTables } from '../../../pipeline/db/reference-tables.ts';
import { loadMigrations } from '../../../pipeline/db/schema.ts';
import { scratchDir } from '../../helpers/cli.ts';

const SCHEMA = `
SELECT 'column' AS kind, database_name AS db, table_name AS name, column_name || ' ' || data_type || ' ' || is_nullable::VARCHAR || ' ' || coalesce(column_default, '') AS detail
FROM duckdb_columns() WHERE schema_name = 'main'
UNION ALL SELECT 'constraint', database_name, table_name, constraint_text FROM duckdb_constraints() WHERE schema_name = 'main'
UNION ALL SELECT 'view', database_name, view_name, sql FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'
UNION ALL SELECT 'index', database_name, index_name, sql FROM duckdb_indexes() WHERE schema_name = 'main'
UNION ALL SELECT 'sequence', database_name, sequence_name, start_value::VARCHAR FROM duckdb_sequences() WHERE schema_name = 'main'`;

/** Every row of a table of `a` that `b` lacks, and the reverse (multisets). */
const differ = (table: string) =>
  `SELECT count(*) AS n FROM ((SELECT * FROM a.${table} EXCEPT ALL SELECT * FROM b.${table}) UNION ALL (SELECT * FROM b.${table} EXCEPT ALL SELECT * FROM a.${table}))`;

async function compare(copied: string, created: string): Promise<{ schema: Record<string, unknown>[][]; differences: Record<string, number>; counts: Record<string, number> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  try {
    await connection.run(`ATTACH '${copied}' AS a (READ_ONLY); ATTACH '${created}' AS b (READ_ONLY)`);
    const schema = await Promise.all(['a', 'b'].map((db) => rows(`SELECT kind, name, detail FROM (${SCHEMA}) WHERE db = '${db}' ORDER BY ALL`)));
    const tables = (await rows(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'b' ORDER BY 1`)).map((row) => String(row['table_name']));
    const differences: Record<string, number> = {};
    const counts: Record<string, number> = {};
    for (const table of tables) {
      differences[table] = Number((await rows(differ(table)))[0]!['n']);
      counts[table] = Number((await rows(`SELECT count(*) AS n FROM b.${table}`))[0]!['n']);
    }
    return { schema, differences, counts };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('the new database template', () => {
  it('is copied to a new file, and that file holds what creating it leaves: schema, meta and reference tables', async () => {
    const dir = scratchDir('new-database');
    const context = createContext();
    await writeTemplate(dir, context);
    const copied = join(dir, 'copied.duckdb');
    expect(copyTemplate(copied, loadMigrations(), dir)).toBe(true);
    const created = join(dir, 'created.duckdb');
    // Given the migrations, open creates the file instead of copying a template.
    await withDatabase(created, (database) => ensureReferenceTables(database, context.reference, context.resolver, context.regions), { migrations: loadMigrations() });

    const { schema, differences, counts } = await compare(copied, created);
    expect(schema[0]).toEqual(schema[1]);
    expect(schema[1]!.length).toBeGreaterThan(100);
    expect(Object.values(differences).every((n) => n === 0), JSON.stringify(differences)).toBe(true);
    expect(counts['meta']).toBe(2);
    expect(counts['ref_pc4']).toBeGreaterThan(1000);
    expect(counts['ref_municipality']).toBeGreaterThan(300);
  });

  it('is not copied over an existing file, nor for other migrations, and leaves no temporary file behind', async () => {
    const dir = scratchDir('new-database-refused');
    await writeTemplate(dir);
    const existing = join(dir, 'existing.duckdb');
    writeFileSync(existing, 'not a database');
    expect(copyTemplate(existing, loadMigrations(), dir)).toBe(false);
    expect(readFileSync(existing, 'utf8')).toBe('not a database');

    const other = [...loadMigrations(), { version: 999, file: '999-other.sql', sql: 'CREATE TABLE other (x INTEGER);' }];
    expect(existsSync(join(dir, templateName(other)))).toBe(false);
    expect(copyTemplate(join(dir, 'other.duckdb'), other, dir)).toBe(false);
    expect(existsSync(join(dir, 'other.duckdb'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
