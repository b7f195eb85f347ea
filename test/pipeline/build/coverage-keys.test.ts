/**
 * The keys of coverage, coverage_target, accessibility, reach and white_spot are checked by the
 * build (migration 012 dropped their PRIMARY KEYs): a key held twice fails the build with a Dutch
 * message, and nothing of that build is stored.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildYear } from '../../../pipeline/build/build-year.ts';
import { createContext } from '../../../pipeline/context.ts';
import { MonitorDatabase, type SqlParams } from '../../../pipeline/db/database.ts';
import type { NewRow, TableName } from '../../../pipeline/db/tables.ts';
import { takeIn } from '../../../pipeline/intake/intake.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { scratchDir } from '../../helpers/cli.ts';

const YEAR = 2030;
const TABLES = ['coverage', 'coverage_target', 'accessibility', 'reach', 'white_spot'] as const;

/** The database, except that the rows `repeat` picks of a table go in twice (a bug the check must stop). */
function repeating(database: MonitorDatabase, repeat: { appended?: TableName; statement?: RegExp }): MonitorDatabase {
  return new Proxy(database, {
    get(target, property) {
      if (property === 'append' && repeat.appended !== undefined) {
        return <T extends TableName>(table: T, rows: Iterable<NewRow<T>>) => {
          const all = [...rows];
          return target.append(table, table === repeat.appended ? [...all, all[0]!] : all);
        };
      }
      if (property === 'run' && repeat.statement !== undefined) {
        return async (sql: string, params?: SqlParams) => {
          await target.run(sql, params);
          if (repeat.statement!.test(sql)) await target.run(sql, params);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('the build checks the keys of the coverage and accessibility tables before it commits', () => {
  const context = createContext();
  let database: MonitorDatabase;
  /** Rows per table of the good build: what every failed build must leave. */
  let built: Record<string, number>;

  const counts = async () => {
    const [row] = await database.query(
      z.object(Object.fromEntries(TABLES.map((table) => [table, z.number()]))),
      `SELECT ${TABLES.map((table) => `(SELECT count(*) FROM ${table} WHERE year = $year) AS ${table}`).join(', ')}`,
      { year: YEAR },
    );
    return row!;
  };

  beforeAll(async () => {
    database = await MonitorDatabase.open(join(scratchDir(), 'monitor.duckdb'));
    const target = { database, context, year: YEAR, source: 'mind-atlas', file: 'mind-atlas/bundled', sha256: 'mind-atlas/bundled', replace: false };
    await takeIn(mindAtlas, await readBundledSnapshot('mind-atlas'), target);
    await buildYear(database, context, YEAR);
    built = await counts();
  });

  afterAll(() => database.close());

  it('a good build holds rows in every one of them', () => {
    for (const table of TABLES) expect(built[table], table).toBeGreaterThan(0);
  });

  it.each([
    ['coverage', { statement: /^INSERT INTO coverage\nWITH provinces AS/m }, '1 × hetzelfde gebied in coverage'],
    ['coverage_target', { statement: /^INSERT INTO coverage_target$/m }, /: \d+ × hetzelfde gebied en deelnamepercentage in coverage_target \(/],
    ['accessibility', { appended: 'accessibility' as const }, '1 × dezelfde gemeente in accessibility'],
    ['reach', { appended: 'reach' as const }, '1 × hetzelfde gebied en dezelfde afstand in reach'],
    ['white_spot', { appended: 'white_spot' as const }, '1 × dezelfde gemeente in white_spot'],
  ])('a key of %s held twice fails the build and stores nothing of it', async (_table, repeat, message) => {
    const failure = buildYear(repeating(database, repeat), context, YEAR);
    await expect(failure).rejects.toThrow(MonitorError);
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toThrow(`de build van ${YEAR} is niet opgeslagen: `);
    expect(await counts()).toEqual(built);
  });
});
