/**
 * The monitor database: one DuckDB file, opened by one process at a time. Every value goes in as
 * a bound parameter or through the appender, never into SQL text. Writes happen inside
 * `transaction`, so a failed or killed run leaves the previous state intact.
 */
import { basename } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { SCHEMA_STATEMENTS, SCHEMA_VERSION } from './schema.ts';

export type SqlParams = readonly (string | number | boolean | null)[];
export type RowValue = string | number | boolean | null | undefined;

export class MonitorDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  /** Opens (or creates) the database and brings its tables up to the current schema. */
  static async open(path: string): Promise<MonitorDatabase> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (error) {
      throw openError(path, error);
    }
    const database = new MonitorDatabase(instance, await instance.connect(), path);
    await database.migrate();
    return database;
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    await this.connection.run(sql, params as DuckDBValue[]);
  }

  /** Runs a query and validates every row against `schema`, so callers get inferred types. */
  async query<S extends z.ZodType>(schema: S, sql: string, params: SqlParams = []): Promise<z.infer<S>[]> {
    const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjects().map((row, index) => {
      const result = schema.safeParse(plainRow(row));
      if (!result.success) {
        throw new Error(`query row ${index} does not match its schema: ${result.error.message}\n${sql}`);
      }
      return result.data;
    });
  }

  /** Appends rows in column order through DuckDB's appender (fast, and still inside the open transaction). */
  async insert(table: string, rows: Iterable<readonly RowValue[]>): Promise<number> {
    const appender = await this.connection.createAppender(table);
    let count = 0;
    for (const row of rows) {
      for (const value of row) appendTo(appender, value);
      appender.endRow();
      count += 1;
    }
    appender.flushSync();
    appender.closeSync();
    return count;
  }

  private transactionDepth = 0;

  /**
   * Runs `work` as one transaction: all of it is stored, or none of it. A transaction opened
   * inside another joins it, so a change and the rebuild that depends on it commit together.
   * A failed ROLLBACK (DuckDB may already have aborted the transaction, e.g. on a full disk)
   * never hides the error that caused it.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.transactionDepth > 0) {
      this.transactionDepth += 1;
      try {
        return await work();
      } finally {
        this.transactionDepth -= 1;
      }
    }
    await this.run('BEGIN TRANSACTION');
    this.transactionDepth = 1;
    try {
      const result = await work();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      try {
        await this.run('ROLLBACK');
      } catch {
        // The transaction is already gone; the original error is what the user needs to see.
      }
      throw error;
    } finally {
      this.transactionDepth = 0;
    }
  }

  async getMeta(key: string): Promise<string | undefined> {
    const rows = await this.connection.runAndReadAll('SELECT value FROM meta WHERE key = $1', [key]);
    const value = rows.getRowObjects()[0]?.['value'];
    return typeof value === 'string' ? value : undefined;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.run('INSERT OR REPLACE INTO meta (key, value) VALUES ($1, $2)', [key, value]);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async migrate(): Promise<void> {
    await this.run('CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)');
    const version = await this.getMeta('schema_version');
    if (version !== undefined && version !== String(SCHEMA_VERSION)) {
      throw new MonitorError(
        `database ${basename(this.path)} heeft schemaversie ${version}, deze versie van lsp-monitor verwacht ${SCHEMA_VERSION}; ` +
          'verwijder het bestand en draai de import opnieuw',
      );
    }
    await this.transaction(async () => {
      for (const statement of SCHEMA_STATEMENTS) await this.run(statement);
      await this.setMeta('schema_version', String(SCHEMA_VERSION));
    });
  }
}

/** Opens the database, runs `work` and always closes it again. */
export async function withDatabase<T>(path: string, work: (database: MonitorDatabase) => Promise<T>): Promise<T> {
  const database = await MonitorDatabase.open(path);
  try {
    return await work(database);
  } finally {
    database.close();
  }
}

/**
 * The typed appends skip building a DuckDB value per cell (several times faster than appendValue
 * for 100k rows); DuckDB casts to the column's type, as it would the value.
 */
function appendTo(appender: DuckDBAppender, value: RowValue): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (typeof value === 'string') appender.appendVarchar(value);
  else if (typeof value === 'number') appender.appendDouble(value);
  else appender.appendBoolean(value);
}

function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    plain[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  return plain;
}

function openError(path: string, error: unknown): MonitorError {
  const detail = error instanceof Error ? error.message : String(error);
  const message = /Could not set lock/i.test(detail)
    ? `database ${basename(path)} is in gebruik door een ander lsp-monitor-proces; wacht tot dat klaar is`
    : `database ${basename(path)} kan niet worden geopend: ${detail}`;
  return new MonitorError(message, { cause: error });
}
