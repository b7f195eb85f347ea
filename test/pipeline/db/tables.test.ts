/**
 * Each table's columns are declared once (pipeline/db/tables.ts) and the appender writes in that
 * order: the declarations must match the real tables of a freshly migrated database, column for
 * column (name, order, type family, NOT NULL), and every table must be declared.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { TABLES, type NewRow } from '../../../pipeline/db/tables.ts';
import { scratchDir } from '../../helpers/cli.ts';

const Column = z.object({ table_name: z.string(), column_name: z.string(), data_type: z.string(), is_nullable: z.boolean() });

/** What DuckDB type a declared column may have: our zod kinds map onto type families. */
function describeDeclared(schema: z.ZodType): { family: string; nullable: boolean } {
  const nullable = schema instanceof z.ZodNullable;
  const inner = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodNumber) return { family: 'number', nullable };
  if (inner instanceof z.ZodBoolean) return { family: 'boolean', nullable };
  if (inner instanceof z.ZodString || inner instanceof z.ZodEnum) return { family: 'text', nullable };
  throw new Error(`no DuckDB type family for ${inner.constructor.name}`);
}

function familyOf(dataType: string): string {
  if (['INTEGER', 'BIGINT', 'DOUBLE'].includes(dataType)) return 'number';
  if (dataType === 'BOOLEAN') return 'boolean';
  if (['VARCHAR', 'JSON', 'TIMESTAMP'].includes(dataType)) return 'text';
  return `unexpected ${dataType}`;
}

describe('table declarations', () => {
  let database: MonitorDatabase;
  beforeAll(async () => {
    database = await MonitorDatabase.open(join(scratchDir('tables'), 'monitor.duckdb'));
  });
  afterAll(() => database.close());

  it('declare every table of the migrated database, column for column', async () => {
    const columns = await database.query(
      Column,
      `SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main'
          AND table_name NOT IN (SELECT view_name FROM duckdb_views() WHERE database_name = current_database())
        ORDER BY table_name, column_index`,
    );
    const actual: Record<string, string[]> = {};
    for (const column of columns) {
      (actual[column.table_name] ??= []).push(`${column.column_name} ${familyOf(column.data_type)}${column.is_nullable ? ' null' : ''}`);
    }
    const declared: Record<string, string[]> = {};
    for (const [table, schema] of Object.entries(TABLES)) {
      declared[table] = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, column]) => {
        const { family, nullable } = describeDeclared(column);
        return `${name} ${family}${nullable ? ' null' : ''}`;
      });
    }
    expect(declared).toEqual(actual);
  });

  it('append writes each column of an object row into the column of its name', async () => {
    const row: NewRow<'accessibility'> = {
      max_km: 9.5, min_km: 0.5, mean_km: 3.25, centre_km: 2, nearest_location_id: 'L-0001',
      points: 12, point_basis: 'pc4', gm_code: 'GM0150', year: 2099,
    };
    await database.append('accessibility', [row]);
    const [read] = await database.query(TABLES.accessibility, 'SELECT * FROM accessibility WHERE year = $year', { year: 2099 });
    expect(read).toEqual(row);
  });
});
