/**
 * The contents of every table of a monitor database as one comparable value: per table its row
 * count and a sha256 of its rows in a fixed order. Equal states mean equal contents, so a test can
 * prove that a failed or killed run left the database exactly as it was.
 */
import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';

export type DatabaseState = Record<string, { rows: number; sha256: string }>;

export async function databaseState(path: string): Promise<DatabaseState> {
  // Opened read-write on purpose: after a crash DuckDB replays its WAL, as the next run would.
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const tables = await connection.runAndReadAll(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const state: DatabaseState = {};
    for (const [name] of tables.getRowsJson()) {
      // Table names come from the database itself, never from input.
      const reader = await connection.runAndReadAll(`SELECT * FROM "${String(name)}" ORDER BY ALL`);
      const rows = reader.getRowsJson();
      state[String(name)] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
    }
    return state;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Only the tables a build writes (locations and coverage and what goes with them). */
export function buildTables(state: DatabaseState): DatabaseState {
  const built = ['location', 'location_member', 'organisation', 'match_pair', 'coverage', 'coverage_target', 'accessibility', 'reach', 'white_spot', 'build_run'];
  return Object.fromEntries(Object.entries(state).filter(([table]) => built.includes(table)));
}

/** Rows of a fixed query (written in the test, never from input), as JSON values. */
export async function queryRows(path: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
