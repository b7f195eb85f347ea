/**
 * The monitor database: one DuckDB file, opened by one process at a time. Every value goes in as
 * a bound parameter or through the appender, never into SQL text. Writes happen inside
 * `transaction`, so a failed or killed run leaves the previous state intact.
 */
import { constants, copyFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { attachFile, type AttachedFile, type InstanceSettings } from './attached-file.ts';
import { copyTemplate } from './new-database.ts';
import { loadMigrations, type Migration } from './schema.ts';
import { sql } from './sql-file.ts';
import { columnsOf, type NewRow, type TableName } from './tables.ts';

const MAIN_TABLES = sql('db/database/main-tables.sql');
const META_VALUE = sql('db/database/meta-value.sql');
const SET_META_VALUE = sql('db/database/set-meta-value.sql');

export type SqlValue = string | number | boolean | null;
/** Positional (`$1`) or named (`$year`) parameters. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type RowValue = string | number | boolean | null | undefined;

export class MonitorDatabase {
  private constructor(
    private readonly file: AttachedFile,
    readonly path: string,
    private readonly memoryLimit: string,
  ) {}

  private get connection(): DuckDBConnection {
    return this.file.connection;
  }

  /**
   * Opens (or creates) the database and brings its tables up to the current schema. An upgrade
   * of an older database is announced through `notify` (default: standard error).
   */
  static async open(path: string, options: OpenOptions = {}): Promise<MonitorDatabase> {
    const settings = instanceSettings(options);
    const migrations = options.migrations ?? loadMigrations();
    // A new file starts as the build's template (new-database.ts), unless a test gives its own migrations.
    if (options.migrations === undefined && !existsSync(path)) copyTemplate(path, migrations);
    let file: AttachedFile;
    try {
      file = await attachFile(path, settings);
    } catch (error) {
      throw openError(path, error);
    }
    const database = new MonitorDatabase(file, path, settings.memoryLimit);
    try {
      await database.migrate(migrations, options.notify ?? notifyOnStderr);
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
    return database;
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    await this.withinLimit(() => this.connection.run(sql, params as DuckDBValue[] | Record<string, DuckDBValue>));
  }

  /**
   * Runs a file of several statements in order (a prepared statement holds one), binding to each
   * the named parameters it uses.
   */
  async runStatements(sql: string, params: Readonly<Record<string, SqlValue>> = {}): Promise<void> {
    await this.withinLimit(() => this.runEachStatement(sql, params));
  }

  private async runEachStatement(sql: string, params: Readonly<Record<string, SqlValue>>): Promise<void> {
    const statements = await this.connection.extractStatements(sql);
    for (let index = 0; index < statements.count; index += 1) {
      const prepared = await statements.prepare(index);
      for (let parameter = 1; parameter <= prepared.parameterCount; parameter += 1) {
        const name = prepared.parameterName(parameter);
        if (!(name in params)) throw new Error(`statement ${index + 1} uses parameter $${name}, which was not given`);
        prepared.bindValue(parameter, params[name] as DuckDBValue);
      }
      await prepared.run();
    }
  }

  /** Runs a query and validates every row against `schema`, so callers get inferred types. */
  async query<S extends z.ZodType>(schema: S, sql: string, params: SqlParams = []): Promise<z.infer<S>[]> {
    const reader = await this.withinLimit(() => this.connection.runAndReadAll(sql, params as DuckDBValue[] | Record<string, DuckDBValue>));
    return reader.getRowObjects().map((row, index) => {
      const result = schema.safeParse(plainRow(row));
      if (!result.success) {
        throw new Error(`query row ${index} does not match its schema: ${result.error.message}\n${sql}`);
      }
      return result.data;
    });
  }

  /**
   * `query` for a result too large to hold whole: DuckDB makes its rows as they are read (a
   * streamed result), and they come a chunk of up to 2,048 at a time, each row validated against
   * `schema`. Nothing else may use the database until the last chunk has been read.
   */
  async *stream<S extends z.ZodType>(schema: S, sql: string, params: SqlParams = []): AsyncGenerator<z.infer<S>[], void, undefined> {
    const result = await this.withinLimit(() => this.connection.stream(sql, params as DuckDBValue[] | Record<string, DuckDBValue>));
    const names = result.deduplicatedColumnNames();
    let index = 0;
    for (;;) {
      const chunk = await this.withinLimit(() => result.fetchChunk());
      if (chunk === null || chunk.rowCount === 0) return;
      yield chunk.getRowObjects(names).map((row) => {
        const parsed = schema.safeParse(plainRow(row));
        if (!parsed.success) throw new Error(`query row ${index} does not match its schema: ${parsed.error.message}\n${sql}`);
        index += 1;
        return parsed.data;
      });
    }
  }

  /**
   * Appends rows through DuckDB's appender (fast, and still inside the open transaction), each
   * written in the column order `tables.ts` declares for the table.
   */
  async append<T extends TableName>(table: T, rows: Iterable<NewRow<T>>): Promise<number> {
    return this.appendEach(table, (add) => {
      let count = 0;
      for (const row of rows) {
        add(row);
        count += 1;
      }
      return count;
    });
  }

  /**
   * `append` for rows that a reader pushes one at a time (a CSV parsed row by row): `produce`
   * gets `add`, which appends a row at once. When `produce` or the flush throws, the rows not yet
   * written are cleared and the appender closed before the error goes on (to the transaction's
   * rollback): an appender left open would write its rows whenever it is collected.
   */
  async appendEach<T extends TableName, R>(table: T, produce: (add: (row: NewRow<T>) => void) => R): Promise<R> {
    return this.withinLimit(() => this.appendThrough(table, produce));
  }

  private async appendThrough<T extends TableName, R>(table: T, produce: (add: (row: NewRow<T>) => void) => R): Promise<R> {
    const columns = columnsOf(table);
    const appender = await this.connection.createAppender(table);
    try {
      const result = produce((row) => {
        for (const column of columns) appendTo(appender, row[column] as RowValue);
        appender.endRow();
      });
      appender.flushSync();
      return result;
    } catch (error) {
      appender.clear();
      throw error;
    } finally {
      appender.closeSync();
    }
  }

  /** DuckDB's own failures as they are, except running out of the memory this process gives it. */
  private async withinLimit<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw memoryLimitError(error, this.memoryLimit) ?? error;
    }
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

  /** Runs a migration file: several statements, our own text, no parameters. */
  private async runScript(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async getMeta(key: string): Promise<string | undefined> {
    const rows = await this.connection.runAndReadAll(META_VALUE, { key });
    const value = rows.getRowObjects()[0]?.['value'];
    return typeof value === 'string' ? value : undefined;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.run(SET_META_VALUE, { key, value });
  }

  /**
   * Writes what the log holds into the database file. DuckDB does this when the file is closed
   * (detached); called while other work goes on (run: the report is rendered), the close that
   * follows finds nothing left to write. Nothing else may use the database meanwhile.
   */
  async checkpoint(): Promise<void> {
    await this.run('CHECKPOINT');
  }

  /** Closes the database: what the log holds is written into the file, and the file is let go. */
  async close(): Promise<void> {
    await this.file.detach();
  }

  /**
   * Brings the database to the newest migration. A new file gets every migration; an older
   * version is copied aside first and then upgraded in one transaction; a file we cannot
   * upgrade (newer, older than the baseline, not ours) is refused without being changed.
   */
  private async migrate(migrations: readonly Migration[], notify: (line: string) => void): Promise<void> {
    const latest = migrations.at(-1)!.version;
    const baseline = migrations[0]!.version;
    const name = basename(this.path);
    const tables = await this.query(z.object({ table_name: z.string() }), MAIN_TABLES);
    if (tables.length === 0) {
      await this.transaction(async () => {
        for (const migration of migrations) await this.runScript(migration.sql);
        await this.setMeta('schema_version', String(latest));
      });
      return;
    }
    const version = tables.some((table) => table.table_name === 'meta') ? Number(await this.getMeta('schema_version')) : Number.NaN;
    const keep = `kies met --db een ander bestand (een nieuw bestand wordt vanzelf aangemaakt); ${name} is niet veranderd`;
    if (!Number.isInteger(version)) {
      throw new MonitorError(`database ${name} is geen database van lsp-monitor (er staat geen schemaversie in); ${keep}`);
    }
    if (version > latest) {
      throw new MonitorError(
        `database ${name} heeft schemaversie ${version} en is gemaakt door een nieuwere lsp-monitor (deze versie kent tot en met ${latest}); ` +
          `gebruik een nieuwere lsp-monitor, of ${keep}`,
      );
    }
    if (version < baseline) {
      throw new MonitorError(
        `database ${name} heeft schemaversie ${version}, ouder dan deze lsp-monitor kan bijwerken (vanaf ${baseline}); ` +
          `gebruik de lsp-monitor waarmee het is gemaakt, of ${keep}`,
      );
    }
    if (version === latest) return;

    await this.run('CHECKPOINT');
    const backup = copyAside(this.path, version);
    try {
      await this.transaction(async () => {
        for (const migration of migrations) if (migration.version > version) await this.runScript(migration.sql);
        await this.setMeta('schema_version', String(latest));
      });
    } catch (error) {
      throw new MonitorError(
        `database ${name} kon niet worden bijgewerkt van schemaversie ${version} naar ${latest}; het bestand is niet veranderd (kopie: ${backup})`,
        { cause: error },
      );
    }
    notify(`database ${name} bijgewerkt van schemaversie ${version} naar ${latest}; het oude bestand staat ongewijzigd in ${backup}`);
  }
}

export interface OpenOptions {
  /** Where a person is told about an upgrade of the database. */
  notify?: (line: string) => void;
  /** The migrations to apply (tests only; default: the files in migrations/). */
  migrations?: readonly Migration[];
  /** DuckDB's worker threads (default: LSP_MONITOR_DRADEN, else one per core). */
  threads?: number;
  /** DuckDB's memory limit (tests; default: LSP_MONITOR_GEHEUGEN, else DEFAULT_MEMORY_LIMIT). */
  memoryLimit?: string;
}

/**
 * DuckDB's own default is 80 % of the RAM, and it keeps the buffers it has for as long as the
 * database is open: at a million records that was about 500 MB more at the build's peak than
 * with this limit (the same build). Past the limit DuckDB writes buffers to `<database>.tmp` and
 * reads them back; a monitor of a few thousand steunpunten needs a fraction of it.
 */
export const DEFAULT_MEMORY_LIMIT = '1GB';
/** The environment variable that sets another limit (`4GB`), for a run that needs more. */
export const MEMORY_VARIABLE = 'LSP_MONITOR_GEHEUGEN';
const MEMORY_SIZE = /^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$/i;

/** The limit a person set, checked here so a wrong value is named in Dutch instead of DuckDB's words. */
export function memoryLimitFrom(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return DEFAULT_MEMORY_LIMIT;
  if (!MEMORY_SIZE.test(value.trim())) {
    throw new MonitorError(`${MEMORY_VARIABLE} '${value}' is geen hoeveelheid geheugen; geef bijvoorbeeld ${MEMORY_VARIABLE}=4GB, of laat de variabele weg (standaard ${DEFAULT_MEMORY_LIMIT})`);
  }
  return value.trim();
}

/** DuckDB's memory limit and threads for a database: the options given, else the environment's. */
export function instanceSettings(options: Pick<OpenOptions, 'memoryLimit' | 'threads'> = {}): InstanceSettings {
  return {
    memoryLimit: options.memoryLimit ?? memoryLimitFrom(process.env[MEMORY_VARIABLE]),
    threads: options.threads ?? threadsFrom(process.env[THREADS_VARIABLE]),
  };
}

/** The environment variable that caps DuckDB's worker threads (`1`), for a machine shared with other work. */
export const THREADS_VARIABLE = 'LSP_MONITOR_DRADEN';

/** The number of threads a person set, or undefined for DuckDB's default of one per core. */
export function threadsFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (!/^\d{1,3}$/.test(text) || Number(text) === 0) {
    throw new MonitorError(`${THREADS_VARIABLE} '${value}' is geen aantal draden; geef bijvoorbeeld ${THREADS_VARIABLE}=1, of laat de variabele weg (standaard één per processorkern)`);
  }
  return Number(text);
}

function memoryLimitError(error: unknown, limit: string): MonitorError | undefined {
  if (!(error instanceof Error) || !error.message.startsWith('Out of Memory Error:')) return undefined;
  return new MonitorError(
    `de database had meer werkgeheugen nodig dan de ${limit} die lsp-monitor haar geeft; ` +
      `geef meer met de omgevingsvariabele ${MEMORY_VARIABLE} (bijvoorbeeld ${MEMORY_VARIABLE}=4GB) en probeer het opnieuw`,
    { cause: error },
  );
}

function notifyOnStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Copies the database file to `<db>.v<version>.bak` (or `.v<version>.2.bak`, …), never over an existing copy. */
function copyAside(path: string, version: number): string {
  for (let attempt = 1; ; attempt += 1) {
    const backup = `${path}.v${version}${attempt === 1 ? '' : `.${attempt}`}.bak`;
    try {
      copyFileSync(path, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new MonitorError(`database ${basename(path)} wordt niet bijgewerkt: de kopie ${backup} kan niet worden gemaakt; het bestand is niet veranderd`, {
        cause: error,
      });
    }
  }
}

/** Opens the database, runs `work` and always closes it again. */
export async function withDatabase<T>(
  path: string,
  work: (database: MonitorDatabase) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  return withDatabaseWhileOpening(path, () => undefined, work, options);
}

/**
 * As withDatabase, with `meanwhile` run on this thread while DuckDB creates or opens the file on
 * its own (mostly waiting for the disk); its result is handed to `work`. Should `meanwhile` fail,
 * the database is closed once it is open and the error passed on.
 */
export async function withDatabaseWhileOpening<M, T>(
  path: string,
  meanwhile: () => M,
  work: (database: MonitorDatabase, made: M) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const opening = MonitorDatabase.open(path, options);
  let made: M;
  try {
    made = meanwhile();
  } catch (error) {
    await opening.then((database) => database.close(), () => undefined).catch(() => undefined);
    throw error;
  }
  const database = await opening;
  let result: T;
  try {
    result = await work(database, made);
  } catch (error) {
    // The work's error is the one to report, not a failure to close after it.
    await database.close().catch(() => undefined);
    throw error;
  }
  await database.close();
  return result;
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

/**
 * A database in use by another process is named here; every other failure to open (not a DuckDB
 * file, damaged, a folder, no permission) is passed on as it is and put into Dutch by the CLI,
 * which handles the same DuckDB errors when they happen later (a full disk during a build).
 */
function openError(path: string, error: unknown): unknown {
  const detail = error instanceof Error ? error.message : String(error);
  // The second: the file is still open in this process (attached-file.ts), which DuckDB names by its aliases.
  if (!/Could not set lock|Unique file handle conflict/i.test(detail)) return error;
  return new MonitorError(`database ${basename(path)} is in gebruik door een ander lsp-monitor-proces; wacht tot dat klaar is`, { cause: error });
}
