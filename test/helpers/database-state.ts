/**
 * The contents of every table of a monitor database as one comparable value: per table its row
 * count and a sha256 of its rows in a fixed order. Equal states mean equal contents, so a test can
 * prove that a failed or killed run left the database exactly as it was.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { attachFile } from '../../pipeline/db/attached-file.ts';
import { instanceSettings } from '../../pipeline/db/database.ts';

export type DatabaseState = Record<string, { rows: number; sha256: string }>;

/** Runs fixed queries (written in the test, never from input) on one opening of the database. */
export async function withQueries<T>(path: string, work: (query: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  // Opened read-write on purpose: after a crash DuckDB replays its WAL, as the next run would.
  // Attached as the commands attach theirs (pipeline/db/attached-file.ts), to the same instance.
  const file = await attachFile(path, instanceSettings());
  try {
    return await work(async (sql) => (await file.connection.runAndReadAll(sql)).getRowsJson());
  } finally {
    await file.detach();
  }
}

export async function databaseState(path: string): Promise<DatabaseState> {
  return withQueries(path, async (query) => {
    const tables = await query("SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name");
    const state: DatabaseState = {};
    for (const [name] of tables) {
      // Table names come from the database itself, never from input.
      const rows = await query(`SELECT * FROM "${String(name)}" ORDER BY ALL`);
      state[String(name)] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
    }
    return state;
  });
}

/** A closed database's bytes and contents, to compare copies of it with (stateComparedTo). */
export interface DatabaseSnapshot {
  bytes: Buffer;
  state: DatabaseState;
}

export async function snapshotOf(path: string): Promise<DatabaseSnapshot> {
  if (existsSync(`${path}.wal`)) throw new Error(`${path} has a WAL: snapshot a database that was closed cleanly`);
  return { bytes: readFileSync(path), state: await databaseState(path) };
}

/**
 * databaseState(path) of a copy of `snapshot`'s database. A copy that still holds exactly its
 * bytes, with no WAL beside it, has its contents without being opened (DuckDB leaves the file
 * as it was when nothing changed); any other is read table by table.
 */
export async function stateComparedTo(path: string, snapshot: DatabaseSnapshot): Promise<DatabaseState> {
  if (!existsSync(`${path}.wal`) && holdsBytes(path, snapshot.bytes)) return snapshot.state;
  return databaseState(path);
}

/** One buffer for every comparison: reading each copy whole into a new 12 MB buffer cost 30-50 ms of CPU a time. */
const CHUNK = Buffer.allocUnsafe(1 << 20);

/** Whether the file at `path` holds exactly `bytes`, read a chunk at a time and stopping at the first difference. */
function holdsBytes(path: string, bytes: Buffer): boolean {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size !== bytes.length) return false;
    for (let offset = 0; offset < bytes.length; ) {
      const read = readSync(fd, CHUNK, 0, Math.min(CHUNK.length, bytes.length - offset), offset);
      if (read === 0 || !CHUNK.subarray(0, read).equals(bytes.subarray(offset, offset + read))) return false;
      offset += read;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Only the tables a build writes (locations and coverage and what goes with them). */
export function buildTables(state: DatabaseState): DatabaseState {
  const built = ['location', 'location_member', 'organisation', 'match_pair', 'coverage', 'coverage_target', 'accessibility', 'reach', 'white_spot', 'build_run'];
  return Object.fromEntries(Object.entries(state).filter(([table]) => built.includes(table)));
}

/** Rows of a fixed query (written in the test, never from input), as JSON values. */
export async function queryRows(path: string, sql: string): Promise<unknown[][]> {
  return withQueries(path, (query) => query(sql));
}
