/**
 * The packed reader (one text per batch of records) gives exactly what the row-by-row reader
 * gives, on the real 2024 records (accents, missing values, numbers, extra fields), both as it
 * reads them and when the store makes a row again later; a year whose values hold one of its
 * separators is read row by row instead of wrongly.
 */
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { readYearRecords, readYearRecordsByRow, readYearStore, type TextField, type YearRecords } from '../../../pipeline/dedupe/read-records.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { monitor2024Database } from '../../helpers/monitor-2024.ts';

describe('readYearRecords', () => {
  it('reads the 2024 records as the row-by-row reader does, over several batches', async () => {
    const path = await monitor2024Database(scratchDir());
    await withDatabase(path, async (database) => {
      // The 2024 list fills neither numbers nor extra fields: a few rows get them.
      await database.run(
        `UPDATE inventory_record SET visitors_per_week = 2.5, dagdelen_per_week = 1e20, size_given = 'middelgroot', organisation = NULL,
                name = 'Huiskamer Fryslân ĳs € 1/3', extra = '{"niveau":"organisatie","openingstijden":"ma 9–12"}'
          WHERE year = 2024 AND row_number IN (3, 9)`,
      );
      await database.run("UPDATE inventory_record SET visitors_per_week = 1::DOUBLE / 3, address = '' WHERE year = 2024 AND row_number = 4");
      const byRow = await readYearRecordsByRow(database, 2024);
      expect(byRow.length).toBeGreaterThan(250);
      expect(byRow.filter((row) => row.visitors_per_week !== undefined && row.extra !== undefined && row.organisation === undefined)).toHaveLength(2);
      expect(byRow.filter((row) => row.visitors_per_week === 1 / 3 && row.address === '')).toHaveLength(1);
      expect(await readYearRecords(database, 2024, 7)).toStrictEqual(byRow);
      expect(await readYearRecords(database, 2024)).toStrictEqual(byRow);
      for (const batch of [7, 1000]) {
        const visited: { row: unknown; index: number }[] = [];
        const store = await readYearStore(database, 2024, (row, index) => visited.push({ row, index }), batch);
        expect(visited).toStrictEqual(byRow.map((row, index) => ({ row, index })));
        expect(allRows(store)).toStrictEqual(byRow);
        expect(allTexts(store)).toStrictEqual(textsOf(byRow));
      }
    });
  });

  it('asks for a record the store does not hold and fails', async () => {
    const path = await monitor2024Database(scratchDir());
    await withDatabase(path, async (database) => {
      const store = await readYearStore(database, 2024, () => undefined, 7);
      expect(() => store.row(store.count)).toThrow(/no record/);
      expect(() => store.row(-1)).toThrow(/no record/);
      expect(() => store.text(store.count, 'name')).toThrow(/no record/);
    });
  });

  it('reads row by row when a value holds a separator, losing nothing', async () => {
    const path = await monitor2024Database(scratchDir());
    await withDatabase(path, async (database) => {
      await database.run("UPDATE inventory_record SET note = 'a' || chr(31) || 'b' || chr(30) WHERE year = 2024 AND row_number = 2");
      const rows = await readYearRecords(database, 2024, 7);
      expect(rows.filter((row) => row.note === 'a\u001fb\u001e')).not.toHaveLength(0);
      expect(rows).toStrictEqual(await readYearRecordsByRow(database, 2024));
      const store = await readYearStore(database, 2024, () => undefined, 7);
      expect(allRows(store)).toStrictEqual(rows);
      expect(allTexts(store)).toStrictEqual(textsOf(rows));
    });
  });
});

function allRows(store: YearRecords): unknown[] {
  return Array.from({ length: store.count }, (_, index) => store.row(index));
}

const TEXT_FIELDS: readonly TextField[] = [
  'source', 'name', 'organisation', 'address', 'postcode', 'place', 'gm_code', 'municipality',
  'municipality_as_written', 'gm_code_as_written', 'province', 'iza_region', 'website', 'note', 'extra',
];

/**
 * Every text field of every record, each asked of the store on its own: in the fields' order,
 * and again the last field first with another record asked between two fields, all the same.
 */
function allTexts(store: YearRecords): unknown[] {
  const inOrder = Array.from({ length: store.count }, (_, index) => TEXT_FIELDS.map((field) => store.text(index, field)));
  const mixed = Array.from({ length: store.count }, (_, index) =>
    TEXT_FIELDS.toReversed().map((field, at) => {
      if (at % 3 === 1) store.text(store.count - 1 - index, field);
      return store.text(index, field);
    }).toReversed(),
  );
  expect(mixed).toStrictEqual(inOrder);
  return inOrder;
}

function textsOf(rows: readonly Awaited<ReturnType<typeof readYearRecordsByRow>>[number][]): unknown[] {
  return rows.map((row) => TEXT_FIELDS.map((field) => row[field]));
}
