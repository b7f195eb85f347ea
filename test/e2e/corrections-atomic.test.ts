/**
 * Issue #11, observation 6 and "What to build" §4: taking in corrections (the Excel overview or a
 * regiocoördinator's file) stores them and rebuilds every built year they affect in one
 * transaction. A real CLI process is killed with SIGKILL at several moments; the database is then
 * exactly as before (or, after the commit, exactly after), and the next run completes.
 *
 * The moments are reached through the test-only pause of pipeline/test-pause.ts
 * (environment variable LSP_MONITOR_TEST_PAUSE). The killed processes are started together, each on
 * its own copy of the database, once that database exists; each test then checks its own.
 */
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir, type CliResult } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase as newDatabase } from '../helpers/fresh-database.ts';
import { buildTables, databaseState, queryRows, snapshotOf, stateComparedTo, type DatabaseSnapshot, type DatabaseState } from '../helpers/database-state.ts';
import { startKill, type KilledRun } from '../helpers/kill-at-pause.ts';
import { writeReportTables } from '../helpers/report-tables.ts';
import { OverviewEditor } from '../pipeline/workbook/edit-overview.ts';

const LIST = fileURLToPath(new URL('../fixtures/dedup/lijst-a.csv', import.meta.url));
const REGIONAL = fileURLToPath(new URL('../fixtures/sources/snapshots/regional-corrections/bodies/', import.meta.url));
const MOMENTS_BEFORE_COMMIT = ['correcties-bewaard', 'correcties-gebouwd'] as const;

/** [year, size class] of the location in 2024 and 2025, read on one opening of the database. */
async function sizesOf(db: string, locationId: string): Promise<unknown[][]> {
  return queryRows(db, `SELECT year, size_class FROM location WHERE year IN (2024, 2025) AND location_id = '${locationId.replace(/'/g, '')}' ORDER BY ALL`);
}

/** [year, status] of each location called `name` in 2024 and 2025, read on one opening of the database. */
async function statusesOf(db: string, name: string): Promise<unknown[][]> {
  return queryRows(db, `SELECT year, status FROM location WHERE year IN (2024, 2025) AND name = '${name.replace(/'/g, '')}' ORDER BY ALL`);
}

describe('corrections are one transaction with the rebuild of every year they affect', () => {
  const scratch = scratchDir();
  const base = join(scratch, 'basis.duckdb');
  const edited = join(scratch, 'overzicht-bewerkt.xlsx');
  const regional = join(scratch, 'correcties-regio.csv');
  let locationId: string;
  /** What every fresh copy holds (its bytes and databaseState), read once: the copies are the same bytes. */
  let baseSnapshot: DatabaseSnapshot;
  let baseState: DatabaseState;
  let n = 0;
  /** Each kill case's database and its killed process, started together at the end of beforeAll and checked by its test. */
  const kills = new Map<string, { db: string; killed: Promise<KilledRun> }>();
  const overviewArgs = (db: string) => ['corrections', edited, '--year', '2024', '--db', db];
  const regionalArgs = (db: string) => ['import', regional, '--year', '2024', '--source', 'regional-corrections', '--db', db];
  /** A fresh copy of the database with 2024 and 2025 built and nothing corrected. */
  const freshDatabase = () => {
    n += 1;
    const db = join(scratch, `monitor-${n}.duckdb`);
    copyFileSync(base, db);
    return db;
  };

  beforeAll(async () => {
    await newDatabase(scratch, 'basis.duckdb'); // at base: a new database, copied
    for (const args of [
      ['import', LIST, '--year', '2024', '--source', 'lijst-a', '--db', base],
      ['import', LIST, '--year', '2025', '--source', 'lijst-a', '--db', base],
      ['build', '--year', '2024', '--db', base],
      ['build', '--year', '2025', '--db', base],
    ]) {
      const result = await runCli(args);
      expect(result.code, result.stderr).toBe(0);
    }
    // The regional file needs nothing more: its kills run while the overview is made.
    copyFileSync(join(REGIONAL, readdirSync(REGIONAL).find((name) => name.endsWith('.csv'))!), regional);
    for (const moment of MOMENTS_BEFORE_COMMIT) startKillOn(`regio ${moment}`, moment, regionalArgs);
    const report = await runCli(['report', '--year', '2024', '--out', join(scratch, 'voor'), '--db', base]);
    expect(report.code, report.stderr).toBe(0);
    const unknown = readCsv(join(scratch, 'voor', 'locaties.csv')).find((row) => row['grootte'] === 'onbekend')!;
    locationId = unknown['location_id']!;
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'voor', 'overzicht.xlsx')));
    editor.setLocation(editor.rowOf(locationId), 'grootte', 'groot');
    writeFileSync(edited, await editor.bytes());
    for (const moment of [...MOMENTS_BEFORE_COMMIT, 'correcties-vastgelegd']) startKillOn(`overzicht ${moment}`, moment, overviewArgs);
    // Copies made before the report compare as equal contents even should the report's opening have changed bytes.
    baseSnapshot = await snapshotOf(base);
    baseState = baseSnapshot.state;
  });

  /** Starts a kill case's process on a fresh copy of the database. */
  function startKillOn(name: string, moment: string, args: (db: string) => string[]): void {
    const db = freshDatabase();
    kills.set(name, { db, killed: startKill(moment, args(db)) });
  }

  /** The database of a kill case once its process has been killed at the moment. */
  const killedAt = async (name: string): Promise<string> => {
    const { db, killed } = kills.get(name)!;
    await killed;
    return db;
  };

  /** The overview's corrections taken in on a fresh copy, once: the first test checks that run, the next goes on from a copy of its database. */
  let corrected: Promise<{ db: string; applied: CliResult }> | undefined;
  const correctedOnce = () =>
    (corrected ??= (async () => {
      const db = freshDatabase();
      return { db, applied: await runCli(['corrections', edited, '--year', '2024', '--db', db]) };
    })());

  it('rebuilds the corrected year and every later built year with it', async () => {
    const { db, applied } = await correctedOnce();
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('overzicht-bewerkt.xlsx: 1 wijziging(en) overgenomen.');
    expect(applied.stdout).toContain('Monitor 2024 gebouwd');
    expect(applied.stdout).toContain('Monitor 2025 gebouwd');
    expect(await sizesOf(db, locationId)).toEqual([[2024, 'groot'], [2025, 'groot']]);
  });

  for (const moment of MOMENTS_BEFORE_COMMIT) {
    it(`corrections killed at '${moment}' leave the database as before; the next run takes the file in`, async () => {
      const db = await killedAt(`overzicht ${moment}`);
      expect(await stateComparedTo(db, baseSnapshot)).toEqual(baseState);

      const next = await runCli(['corrections', edited, '--year', '2024', '--db', db]);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout).toContain('1 wijziging(en) overgenomen.');
      expect(next.stdout).not.toContain('al eerder overgenomen');
      expect(await sizesOf(db, locationId)).toEqual([[2024, 'groot'], [2025, 'groot']]);
    });
  }

  it('corrections killed after the commit leave the database after; the next run says so and the report has it', async () => {
    const db = await killedAt('overzicht correcties-vastgelegd');
    const before = baseState;
    const after = await databaseState(db);
    expect(buildTables(after)).not.toEqual(buildTables(before));
    expect(await sizesOf(db, locationId)).toEqual([[2024, 'groot'], [2025, 'groot']]);

    const again = await runCli(['corrections', edited, '--year', '2024', '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('overzicht-bewerkt.xlsx: dit bestand is al eerder overgenomen voor 2024; er is niets veranderd.');
    expect(await databaseState(db)).toEqual(after);
    // The report's own tables (the same exports after the same freshness check): only locaties.csv
    // is read, and the whole report of this database was written in beforeAll.
    await writeReportTables(db, 2024, join(scratch, 'na-kill'));
    expect(readCsv(join(scratch, 'na-kill', 'locaties.csv')).find((row) => row['location_id'] === locationId)).toMatchObject({ grootte: 'groot' });
  });

  it('says "al eerder overgenomen" only when the build contains the file: a build older than the stored file is rebuilt', async () => {
    const { db: first, applied } = await correctedOnce();
    expect(applied.code).toBe(0);
    const db = join(scratch, 'eerder-overgenomen.duckdb');
    copyFileSync(first, db);
    // What the earlier two-transaction version left after a kill between storing and building.
    await queryRows(db, 'UPDATE build_run SET built_at = built_at - INTERVAL 1 DAY WHERE year = 2025');
    await queryRows(db, `UPDATE location SET size_class = 'onbekend' WHERE year = 2025 AND location_id = '${locationId}'`);
    const again = await runCli(['corrections', edited, '--year', '2024', '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('er is niets veranderd');
    expect(again.stdout).toContain('al eerder overgenomen voor 2024, maar de monitor is daarna niet opnieuw gebouwd');
    expect(again.stdout).toContain('Monitor 2025 gebouwd');
    expect(await sizesOf(db, locationId)).toContainEqual([2025, 'groot']);
  });

  it('refuses a workbook of another monitor year in one message, with or without --partial', async () => {
    const db = freshDatabase();
    const before = baseState;
    for (const partial of [[], ['--partial']]) {
      const result = await runCli(['corrections', edited, '--year', '2025', ...partial, '--db', db]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'fout: bestand overzicht-bewerkt.xlsx: dit overzicht is van monitorjaar 2024 (werkblad Toelichting, rij 4), niet van 2025; ' +
          "er is niets overgenomen (neem een overzicht van 2025, gemaakt met 'lsp-monitor report --year 2025')",
      );
    }
    expect(await stateComparedTo(db, baseSnapshot)).toEqual(before);
  });

  for (const moment of MOMENTS_BEFORE_COMMIT) {
    it(`regional corrections killed at '${moment}' leave the database as before; the next import applies them`, async () => {
      const db = await killedAt(`regio ${moment}`);
      expect(await stateComparedTo(db, baseSnapshot)).toEqual(baseState);

      const next = await runCli(regionalArgs(db));
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout).toMatch(/correcties-regio\.csv \(bron regional-corrections, 2024\): \d+ correctie\(s\) overgenomen/);
      expect(await statusesOf(db, 'GroeiRijk')).toEqual([[2024, 'gesloten'], [2025, 'gesloten']]);
    });
  }
});
