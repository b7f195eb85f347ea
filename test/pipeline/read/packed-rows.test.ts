/**
 * The packed reader (one text per row, streamed) gives exactly what `MonitorDatabase.query` with
 * the same schema gives, in the same order, on the built 2024 monitor with awkward numbers and
 * texts added, and over several of DuckDB's chunks; a result whose values hold a separator is read
 * row by row instead of wrongly; and a value the schema would refuse is refused here too.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withDatabase, type MonitorDatabase } from '../../../pipeline/db/database.ts';
import { sql } from '../../../pipeline/db/sql-file.ts';
import { TABLES } from '../../../pipeline/db/tables.ts';
import { packedReader } from '../../../pipeline/read/packed-rows.ts';
import { LocationRow, ReviewRow } from '../../../pipeline/read/read-monitor.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { monitor2024Database } from '../../helpers/monitor-2024.ts';

const LOCATIONS = { ordered: sql('read/read-monitor/locations-ordered.sql'), rows: sql('read/read-monitor/locations.sql') };
const REVIEW = { ordered: sql('read/read-monitor/review-pairs-ordered.sql'), rows: sql('read/read-monitor/review-pairs.sql') };
const OF_YEAR = { ordered: sql('read/diff-years/locations-of-year-ordered.sql'), rows: sql('read/diff-years/locations-of-year.sql') };

async function with2024(work: (database: MonitorDatabase) => Promise<void>): Promise<void> {
  await withDatabase(await monitor2024Database(scratchDir()), work);
}

/** Numbers whose shortest text is long, tiny, huge or negative zero; texts with accents and quotes. */
async function awkwardValues(database: MonitorDatabase): Promise<void> {
  await database.run(
    `UPDATE location SET lat = 1::DOUBLE / 3, lon = 5e-324, weight = 1.7976931348623157e308, visitors_per_week = '-0.0'::DOUBLE,
            name = 'Huiskamer Fryslân ĳs € 1/3 "x"', organisation = NULL, note = ''
      WHERE year = 2024 AND location_id = (SELECT min(location_id) FROM location WHERE year = 2024)`,
  );
  await database.run(
    `UPDATE location SET lat = 0.1::DOUBLE + 0.2::DOUBLE, lon = 52.374030000000005, dagdelen_per_week = 123456789012345678
      WHERE year = 2024 AND location_id = (SELECT max(location_id) FROM location WHERE year = 2024)`,
  );
}

describe('packedReader', () => {
  it('reads the locations, review pairs and year locations as the row query does', async () => {
    await with2024(async (database) => {
      await awkwardValues(database);
      const byRow = await database.query(LocationRow, LOCATIONS.rows, { year: 2024 });
      expect(byRow.length).toBeGreaterThan(250);
      expect(byRow.filter((row) => row.lat === 1 / 3 && row.lon === 5e-324 && Object.is(row.visitors_per_week, -0))).toHaveLength(1);
      expect(byRow.filter((row) => row.lat === 0.1 + 0.2)).toHaveLength(1);
      expect(await packedReader('location', LocationRow, LOCATIONS).read(database, { year: 2024 })).toStrictEqual(byRow);

      await database.run(
        `INSERT INTO match_pair SELECT 2024, 'stage ' || (i % 2), 'pair ' || (i % 3), 'a' || i, 'b' || i, 'fa', 'fb',
                CASE WHEN i % 4 = 0 THEN NULL ELSE 'LSP-' || i END, 'LSP-x', 'naam ' || i, 'Naam ' || i,
                CASE WHEN i % 3 = 0 THEN NULL ELSE 'Sneek' END, 'Joure', i::DOUBLE / 7, 'regel',
                CASE WHEN i = 5 THEN 'samengevoegd' ELSE 'te beoordelen' END
           FROM range(1, 12) t(i)`,
      );
      const pairs = await database.query(ReviewRow, REVIEW.rows, { year: 2024 });
      expect(pairs).toHaveLength(10);
      expect(await packedReader('match_pair', ReviewRow, REVIEW).read(database, { year: 2024 })).toStrictEqual(pairs);

      const Location = TABLES.location.pick({ location_id: true, name: true, status: true, size_class: true, sources: true });
      const byId = (rows: readonly z.infer<typeof Location>[]) => [...rows].sort((a, b) => (a.location_id < b.location_id ? -1 : 1));
      const packed = await packedReader('location', Location, OF_YEAR).read(database, { year: 2024 });
      expect(byId(packed)).toStrictEqual(byId(await database.query(Location, OF_YEAR.rows, { year: 2024 })));
    });
  });

  it('reads a year of several chunks in the order of the row query, ties and missing sort keys included', async () => {
    await with2024(async (database) => {
      // 30 copies of every 2024 location as year 2099: thousands of rows, names and organisations
      // repeated across copies, a missing region or organisation in some, so every sort key decides.
      await database.run(
        `INSERT INTO location SELECT location.* REPLACE (2099 AS year, location_id || '-' || lpad(i::VARCHAR, 2, '0') AS location_id,
                CASE WHEN i % 5 = 0 THEN NULL ELSE iza_region END AS iza_region,
                CASE WHEN i % 3 = 0 THEN NULL ELSE organisation END AS organisation)
           FROM location, range(30) t(i) WHERE year = 2024`,
      );
      const byRow = await database.query(LocationRow, LOCATIONS.rows, { year: 2099 });
      expect(byRow.length).toBeGreaterThan(3 * 2048);
      expect(byRow.some((row) => row.iza_region === null) && byRow.some((row) => row.organisation === null)).toBe(true);
      expect(await packedReader('location', LocationRow, LOCATIONS).read(database, { year: 2099 })).toStrictEqual(byRow);
    });
  });

  it('reads row by row when only the last of several chunks holds a separator, and refuses mid-stream leaving the database usable', async () => {
    await with2024(async (database) => {
      await database.run(
        `INSERT INTO location SELECT location.* REPLACE (2099 AS year, location_id || '-' || lpad(i::VARCHAR, 2, '0') AS location_id)
           FROM location, range(30) t(i) WHERE year = 2024`,
      );
      const byRow = await database.query(LocationRow, LOCATIONS.rows, { year: 2099 });
      expect(byRow.length).toBeGreaterThan(3 * 2048);
      // The row read last (the next chunk is asked for while one is unpacked): the fallback must still see it.
      await database.run("UPDATE location SET note = 'a' || chr(31) WHERE year = 2099 AND location_id = $id", { id: byRow.at(-1)!.location_id });
      const rows = await packedReader('location', LocationRow, LOCATIONS).read(database, { year: 2099 });
      expect(rows).toHaveLength(byRow.length);
      expect(rows.at(-1)?.note).toBe('a\u001f');
      expect(rows).toStrictEqual(await database.query(LocationRow, LOCATIONS.rows, { year: 2099 }));

      const narrow = LocationRow.extend({ status: z.enum(['nooit']) });
      await expect(packedReader('location', narrow, LOCATIONS).read(database, { year: 2099 })).rejects.toThrow(/status '/);
      expect(await database.query(z.object({ n: z.number() }), 'SELECT count(*)::INTEGER AS n FROM location WHERE year = 2099')).toStrictEqual([{ n: byRow.length }]);
    });
  });

  it('reads row by row when a value holds a separator, losing nothing', async () => {
    await with2024(async (database) => {
      await database.run("UPDATE location SET note = 'a' || chr(31) || 'b' || chr(30) WHERE year = 2024 AND name LIKE '%a%'");
      const rows = await packedReader('location', LocationRow, LOCATIONS).read(database, { year: 2024 });
      expect(rows.filter((row) => row.note === 'a\u001fb\u001e')).not.toHaveLength(0);
      expect(rows).toStrictEqual(await database.query(LocationRow, LOCATIONS.rows, { year: 2024 }));
    });
  });

  it('refuses what the schema refuses: a value outside an enum, a missing required value', async () => {
    await with2024(async (database) => {
      const narrow = LocationRow.extend({ status: z.enum(['actief']) });
      await database.run("UPDATE location SET status = 'gesloten' WHERE year = 2024 AND location_id = (SELECT min(location_id) FROM location WHERE year = 2024)");
      await expect(packedReader('location', narrow, LOCATIONS).read(database, { year: 2024 })).rejects.toThrow(/status 'gesloten'/);
      await database.run('UPDATE location SET organisation = NULL WHERE year = 2024 AND location_id = (SELECT max(location_id) FROM location WHERE year = 2024)');
      const required = LocationRow.extend({ organisation: z.string() });
      await expect(packedReader('location', required, LOCATIONS).read(database, { year: 2024 })).rejects.toThrow(/organisation is missing/);
    });
  });

  it('refuses, when made, a field that is no column and a type it cannot check', () => {
    expect(() => packedReader('location', z.object({ nickname: z.string() }), LOCATIONS)).toThrow(/nickname.*no column of location/);
    expect(() => packedReader('location', z.object({ name: z.string().min(3) }), LOCATIONS)).toThrow(/name has checks/);
    expect(() => packedReader('location', z.object({ name: z.array(z.string()) }), LOCATIONS)).toThrow(/name is of a type/);
  });
});
