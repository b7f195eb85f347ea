/**
 * A list goes from the file to the database row by row (pipeline/intake/import-inventory.ts,
 * store-list.ts), inside the import's transaction. So what decides against the list only once
 * every row is read must still leave the database exactly as it was: the replacement guard
 * (archive, ledger, records and rejects untouched), a quote error in the last row (the file is
 * checked whole before a row goes in), and a read that fails halfway (the rows already appended
 * are dropped, not written when the appender goes), and a row number given twice (the key the
 * import checks itself since migration 011).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../pipeline/context.ts';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { importInventory } from '../../../pipeline/intake/import-inventory.ts';
import { storeInventoryListReading } from '../../../pipeline/intake/store-list.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { databaseState } from '../../helpers/database-state.ts';

const YEAR = 2031;
const context = createContext();

/** A list of `count` steunpunten in Utrecht, and one row that resolves nowhere. */
function list(count: number, last = 'Nergens,Nergensland'): string {
  const rows = Array.from({ length: count }, (_, index) => `Huiskamer ${index + 1},Utrecht`);
  return ['naam,gemeente', ...rows, last].join('\n') + '\n';
}

async function withDatabase<T>(path: string, work: (database: MonitorDatabase) => Promise<T>): Promise<T> {
  const database = await MonitorDatabase.open(path);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A database holding a first import of 40 rows, and a folder to write the next file to. */
async function withFirstImport() {
  const scratch = scratchDir('list-import');
  const path = join(scratch, 'monitor.duckdb');
  writeFileSync(join(scratch, 'lijst.csv'), list(40));
  const first = await withDatabase(path, (database) => importInventory(database, context, { path: join(scratch, 'lijst.csv'), year: YEAR, source: 'lijst' }));
  expect(first).toMatchObject({ imported: 40, rejectedRows: 1 });
  return { scratch, path, before: await databaseState(path) };
}

describe('a list imported row by row', () => {
  it('refused by the replacement guard once read, leaves every table as it was', async () => {
    const { scratch, path, before } = await withFirstImport();
    writeFileSync(join(scratch, 'kort.csv'), list(12));
    const summary = await withDatabase(path, (database) => importInventory(database, context, { path: join(scratch, 'kort.csv'), year: YEAR, source: 'lijst' }));
    expect(summary.imported).toBe(12);
    expect(summary.rejects).toMatchObject([{ row: 14, field: 'gemeente' }]);
    expect(summary.refusal).toContain('kort.csv: 12 bruikbare rijen (1 afgewezen), minder dan de helft van de 40 rijen van bron lijst');
    expect(await databaseState(path)).toEqual(before);

    const confirmed = await withDatabase(path, (database) =>
      importInventory(database, context, { path: join(scratch, 'kort.csv'), year: YEAR, source: 'lijst', replace: true }),
    );
    expect(confirmed.refusal).toBeUndefined();
    expect(await databaseState(path)).not.toEqual(before);
  });

  it('refuses a file with a quote error in its last row as a whole, and changes nothing', async () => {
    const { scratch, path, before } = await withFirstImport();
    writeFileSync(join(scratch, 'quote.csv'), list(60, '"Huiskamer,Utrecht'));
    const error = await withDatabase(path, (database) => importInventory(database, context, { path: join(scratch, 'quote.csv'), year: YEAR, source: 'lijst' })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MonitorError);
    expect(error).toMatchObject({ location: { file: 'quote.csv', row: 62 } });
    expect(await databaseState(path)).toEqual(before);
  });

  it('drops the rows already appended when the read fails halfway, and changes nothing', async () => {
    const { path, before } = await withFirstImport();
    const failure = new Error('read failed halfway');
    const reading = {
      fileName: 'half.csv', format: 'csv', rowsRead: 30, titleRows: [], headers: {}, ignoredColumns: [],
      eachRow(visit: Parameters<Parameters<typeof storeInventoryListReading>[0]['eachRow']>[0]) {
        for (let row = 2; row <= 31; row += 1) {
          if (row === 20) throw failure;
          visit({ usable: { row, record: { name: `Inloop ${row}`, municipality: 'Utrecht', status: 'actief', extra: {} }, notes: [] }, origin: `half.csv#${row}` });
        }
      },
    };
    const target = (database: MonitorDatabase) => ({ database, context, year: YEAR, source: 'lijst', file: 'half.csv', sha256: 'half', replace: true });
    await expect(withDatabase(path, (database) => storeInventoryListReading(reading, target(database)))).rejects.toBe(failure);
    expect(await databaseState(path)).toEqual(before);
  });

  it('refuses a reading that gives one row number twice (the key DuckDB no longer checks), naming file and row, and changes nothing', async () => {
    const { path, before } = await withFirstImport();
    // An XLSX may repeat a <row r="…">, which the plain reader passes on as it is.
    const rows = [2, 3, 4, 5, 4, 6];
    const reading = {
      fileName: 'herhaald.xlsx', format: 'xlsx', rowsRead: rows.length, titleRows: [], headers: {}, ignoredColumns: [],
      eachRow(visit: Parameters<Parameters<typeof storeInventoryListReading>[0]['eachRow']>[0]) {
        for (const row of rows) {
          visit({ usable: { row, record: { name: `Inloop ${row}`, municipality: 'Utrecht', status: 'actief', extra: {} }, notes: [] }, origin: `herhaald.xlsx#${row}` });
        }
      },
    };
    const target = (database: MonitorDatabase) => ({ database, context, year: YEAR, source: 'lijst', file: 'herhaald.xlsx', sha256: 'herhaald', replace: true });
    const error = await withDatabase(path, (database) => storeInventoryListReading(reading, target(database))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MonitorError);
    expect(error).toMatchObject({
      location: { file: 'herhaald.xlsx', row: 4 },
      message: 'bestand herhaald.xlsx, rij 4: deze rij staat 2 keer in het bestand; niets van dit bestand is opgeslagen',
    });
    expect(await databaseState(path)).toEqual(before);
  });
});
