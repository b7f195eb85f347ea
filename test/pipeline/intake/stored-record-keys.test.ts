/**
 * The key (year, source, row_number) of inventory_record, which DuckDB no longer keeps (migration
 * 011), is checked also where records come from the database itself: a restored import
 * (`imports restore`) and the corrections' new locations. Records whose row numbers repeat are
 * refused there, in Dutch, and the database is left exactly as it was; without a repeat both go on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../pipeline/context.ts';
import { storeCorrections } from '../../../pipeline/corrections/store.ts';
import type { NewLocation } from '../../../pipeline/corrections/types.ts';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { importInventory } from '../../../pipeline/intake/import-inventory.ts';
import { removeImport, restoreImport } from '../../../pipeline/intake/import-ledger.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { databaseState } from '../../helpers/database-state.ts';

const YEAR = 2031;
const context = createContext();

/** A database with an import of source `lijst` (six rows), removed into the archive. */
async function withRemovedImport(): Promise<string> {
  const scratch = scratchDir('stored-record-keys');
  const path = join(scratch, 'monitor.duckdb');
  const file = join(scratch, 'lijst.csv');
  writeFileSync(file, ['naam,gemeente', ...Array.from({ length: 6 }, (_, index) => `Huiskamer ${index + 1},Utrecht`)].join('\n') + '\n');
  await withDatabase(path, async (database) => {
    expect(await importInventory(database, context, { path: file, year: YEAR, source: 'lijst' })).toMatchObject({ imported: 6 });
    await removeImport(database, YEAR, 'lijst');
  });
  return path;
}

function newLocation(name: string): NewLocation {
  return { kind: 'new-location', sheet: 'Locaties', row: 40, rowHasErrors: false, record: { name, municipality: 'Amsterdam', status: 'actief', extra: {} } };
}

describe('the record key of rows the database gives back', () => {
  it('restores an archived import whose row numbers are unique', async () => {
    const path = await withRemovedImport();
    await withDatabase(path, async (database) => {
      expect((await restoreImport(database, YEAR, 'lijst')).restored).toMatchObject({ source: 'lijst', rows_imported: 6 });
    });
  });

  it('refuses to restore an archived import holding a row number twice, changing nothing', async () => {
    const path = await withRemovedImport();
    await withDatabase(path, (database) =>
      database.run(`INSERT INTO inventory_record_archive SELECT * FROM inventory_record_archive WHERE year = ${YEAR} AND source = 'lijst' AND row_number = 4`),
    );
    const before = await databaseState(path);
    const refusal = await withDatabase(path, (database) => restoreImport(database, YEAR, 'lijst')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MonitorError);
    expect((refusal as Error).message).toBe(
      `import van bron 'lijst' voor ${YEAR} niet teruggezet: bron 'lijst' van ${YEAR} zou rij 4 2 keer hebben (de opgeslagen rijen kloppen niet); er is niets veranderd`,
    );
    expect(await databaseState(path)).toEqual(before);
  });

  it('takes in new locations numbered after the last, and refuses them when the stored numbers repeat, changing nothing', async () => {
    const path = await withRemovedImport();
    const file = { year: YEAR, name: 'overzicht.xlsx', sha256: 'a'.repeat(64) };
    await withDatabase(path, async (database) => {
      expect(await storeCorrections(database, context, file, [newLocation('Ontmoetingsplek Oost')])).toEqual({ alreadyApplied: false, changes: 1 });
      await database.run(`INSERT INTO inventory_record SELECT * FROM inventory_record WHERE year = ${YEAR} AND source = 'correcties'`);
    });
    const before = await databaseState(path);
    const second = { ...file, name: 'overzicht-2.xlsx', sha256: 'b'.repeat(64) };
    const refusal = await withDatabase(path, (database) => storeCorrections(database, context, second, [newLocation('Ontmoetingsplek West')])).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(MonitorError);
    expect((refusal as Error).message).toBe(
      `overzicht-2.xlsx niet overgenomen: bron 'correcties' van ${YEAR} zou rij 1 2 keer hebben (de opgeslagen rijen kloppen niet); er is niets veranderd`,
    );
    expect(await databaseState(path)).toEqual(before);
  });
});
