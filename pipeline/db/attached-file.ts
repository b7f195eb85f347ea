/**
 * A database file attached to this process's DuckDB instance while it is open. Creating an
 * instance registers DuckDB's built-in catalog and closing one tears it down again: about half
 * of what opening and closing a monitor database cost (below). A command opens one database, so
 * for it nothing changes; a process that opens many, as the test suite does by running the
 * commands in-process, pays for the instance once.
 *
 * Detaching a file checkpoints it as closing an instance did: no `.wal` is left, and the file's
 * lock is released. The instance lives on for the next open, unless large work left it holding
 * much memory (below), and is closed at exit.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface InstanceSettings {
  memoryLimit: string;
  /** DuckDB's worker threads; undefined for one per core. */
  threads: number | undefined;
}

export interface AttachedFile {
  /** A connection whose default database is the file. */
  connection: DuckDBConnection;
  /** Closes the connection and detaches the file, checkpointing it. */
  detach(): Promise<void>;
}

/** One instance per memory limit and thread count: settings DuckDB holds per instance. */
const instances = new Map<string, Promise<DuckDBInstance>>();
/** The instances made, with their key (for closing one without waiting for a promise) and their temporary folder. */
const made = new Map<DuckDBInstance, { key: string; temporaryDirectory: string }>();
let attachedCount = 0;
/** Files attached, or being attached, and not yet detached. */
let openFiles = 0;
let closesOnExit = false;
/** DuckDB's words when DETACH detached the file but could not checkpoint it. */
const CHECKPOINT_FAILED = /^IO Error: Detached database '[^']*', but CHECKPOINT during DETACH failed/;

export async function attachFile(path: string, settings: InstanceSettings): Promise<AttachedFile> {
  // Counted from the start, so that no instance is closed under an attach on its way.
  openFiles += 1;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const alias = `monitor_${++attachedCount}`;
  try {
    instance = await instanceFor(path, settings);
    connection = await instance.connect();
  } catch (error) {
    openFiles -= 1;
    throw error;
  }
  try {
    // ATTACH takes no parameters: the path is a quoted literal, our own alias a fixed name.
    await connection.run(`ATTACH ${stringLiteral(path)} AS ${alias}`);
    await connection.run(`USE ${alias}`);
  } catch (error) {
    connection.closeSync();
    await detachQuietly(instance, alias);
    openFiles -= 1;
    throw error;
  }
  let detached = false;
  return {
    connection,
    async detach() {
      // A second close does nothing, as closing an instance twice did.
      if (detached) return;
      detached = true;
      // The file's own connection goes first: a transaction it left open is rolled back, not committed.
      connection.closeSync();
      try {
        await runApart(instance, `DETACH ${alias}`);
      } catch (error) {
        // As when an instance closes: what was committed is in the log, which the next open
        // replays; a checkpoint that could not be written (a full disk) loses nothing.
        if (!CHECKPOINT_FAILED.test(error instanceof Error ? error.message : '')) throw error;
      } finally {
        openFiles -= 1;
      }
      // Checked and closed without an await between: no attach can take the instance meanwhile.
      if (openFiles === 0 && made.has(instance) && memoryOutsideV8() > RELEASE_ABOVE_BYTES) closeInstance(instance);
    },
  };
}

/**
 * DuckDB's allocator keeps what a large database's work freed (at a million records some 700 MB)
 * until its instance closes: the next open in the same process (the benchmark's stages, a test
 * worker) would start with it on top. Past this much memory outside V8's heap, the instance is
 * closed when its last file is detached, as each open used to close its own, and the next open
 * makes a new one; a small monitor never comes near it. (`run` keeps its one file open throughout.)
 */
const RELEASE_ABOVE_BYTES = 256 * 1024 * 1024;

function memoryOutsideV8(): number {
  const { rss, heapTotal, external } = process.memoryUsage();
  return rss - heapTotal - external;
}

function closeInstance(instance: DuckDBInstance): void {
  instances.delete(made.get(instance)!.key);
  made.delete(instance);
  instance.closeSync();
}

async function instanceFor(path: string, settings: InstanceSettings): Promise<DuckDBInstance> {
  const key = `${settings.memoryLimit}|${settings.threads ?? ''}`;
  // Where an instance of the file's own put what did not fit in memory: beside the database.
  const temporaryDirectory = `${path}.tmp`;
  const pending = instances.get(key);
  if (pending === undefined) return createInstance(key, settings, temporaryDirectory);
  const instance = await pending;
  // The folder follows the file while no other file is open; DuckDB refuses to move it once it
  // has written there, and then the file gets an instance of its own making.
  if (openFiles > 1 || made.get(instance)?.temporaryDirectory === temporaryDirectory) return instance;
  if (await movedTemporaryDirectory(instance, temporaryDirectory)) return instance;
  if (openFiles > 1 || !made.has(instance)) return instance;
  closeInstance(instance);
  return createInstance(key, settings, temporaryDirectory);
}

function createInstance(key: string, settings: InstanceSettings, temporaryDirectory: string): Promise<DuckDBInstance> {
  const instance = DuckDBInstance.create(':memory:', {
    memory_limit: settings.memoryLimit,
    ...(settings.threads === undefined ? {} : { threads: String(settings.threads) }),
    temp_directory: temporaryDirectory,
  });
  instances.set(key, instance);
  instance.then(
    (created) => made.set(created, { key, temporaryDirectory }),
    () => instances.delete(key),
  );
  if (!closesOnExit) {
    process.once('exit', closeInstances);
    closesOnExit = true;
  }
  return instance;
}

async function movedTemporaryDirectory(instance: DuckDBInstance, temporaryDirectory: string): Promise<boolean> {
  try {
    await runApart(instance, `SET temp_directory = ${stringLiteral(temporaryDirectory)}`);
  } catch {
    return false;
  }
  const entry = made.get(instance);
  if (entry !== undefined) entry.temporaryDirectory = temporaryDirectory;
  return true;
}

/**
 * DuckDB removes what it wrote to its temporary folder when the instance closes. Only when no file
 * is attached: a process that exits in the middle of its work (an error) leaves its file as a
 * killed one would, with the log the next open replays, and no query is running under the close.
 */
function closeInstances(): void {
  if (openFiles > 0) return;
  for (const instance of made.keys()) instance.closeSync();
}

async function detachQuietly(instance: DuckDBInstance, alias: string): Promise<void> {
  try {
    await runApart(instance, `DETACH DATABASE IF EXISTS ${alias}`);
  } catch {
    // Nothing was attached; the error that brought us here is the one to report.
  }
}

/** Runs one statement of the instance's own (no file's connection) on a connection made for it. */
async function runApart(instance: DuckDBInstance, statement: string): Promise<void> {
  const connection = await instance.connect();
  try {
    await connection.run(statement);
  } finally {
    connection.closeSync();
  }
}

/** A SQL string literal of `text`: single quotes doubled, as the standard has it. */
export function stringLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('a database path cannot hold a NUL character');
  return `'${text.replaceAll("'", "''")}'`;
}
