/**
 * The panel as a researcher gets it: three built years from real-shaped lists (the 2024 inventory,
 * then the tool's own locaties.csv edited as a coordinator would), `lsp-monitor panel` writes one
 * row per location and year with the change against the previous built year, the same bytes every
 * time, and a Parquet file with the codebook's types.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { queryRows } from '../helpers/database-state.ts';

const seedPath = fileURLToPath(new URL('../../sources/inventories/galan2024/locations.csv', import.meta.url));
const seedLines = readFileSync(seedPath, 'utf8').split('\n');

const scratch = scratchDir('lsp-monitor-panel-');
const db = join(scratch, 'monitor.duckdb');

async function ok(args: string[]) {
  const result = await runCli([...args, '--db', db]);
  expect(result.code, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

type Row = Record<string, string>;
const writeList = (name: string, rows: Row[]) => {
  const file = join(scratch, name);
  writeFileSync(file, Papa.unparse(rows, { newline: '\n' }));
  return file;
};

describe('lsp-monitor panel', () => {
  let exported: Row[];
  const idOf = (name: string) => exported.find((row) => row['naam'] === name)!['location_id']!;
  let panel: Row[];
  const rowOf = (year: number, id: string) => panel.filter((row) => row['jaar'] === String(year) && row['location_id'] === id);

  beforeAll(async () => {
    await freshDatabase(scratch); // at db: a new database, copied
    // 2024: the first 14 steunpunten of the published inventory, as published.
    const list2024 = join(scratch, 'inventaris-2024.csv');
    writeFileSync(list2024, `${seedLines.slice(0, 15).join('\n')}\n`);
    await ok(['import', list2024, '--year', '2024']);
    await ok(['build', '--year', '2024']);
    await ok(['report', '--year', '2024', '--out', join(scratch, 'r2024')]);
    exported = readCsv(join(scratch, 'r2024/locaties.csv'));
    expect(exported).toHaveLength(14);

    // 2025: last year's own export, edited: one left out, one renamed, one potential, one closed, one added.
    const [gone, renamed, potential, closed] = [exported[0]!, exported[1]!, exported[2]!, exported[3]!];
    const list2025 = exported.filter((row) => row !== gone).map((row) => ({
      ...row,
      naam: row === renamed ? `${row['naam']} Centrum` : row['naam']!,
      status: row === potential ? 'potentieel' : row === closed ? 'gesloten' : row['status']!,
    }));
    const added = { ...Object.fromEntries(Object.keys(gone).map((key) => [key, ''])), naam: 'Herstelcafé De Nieuwe Haven', organisatie: 'Kwartiermakers Zwolle', postcode: '8011 AB', plaats: 'Zwolle', gemeente: 'Zwolle', status: 'actief' };
    await ok(['import', writeList('inventaris-2025.csv', [...list2025, added]), '--year', '2025']);
    await ok(['build', '--year', '2025']);
    // 2026: the 2025 list again, with the left-out steunpunt back.
    await ok(['import', writeList('inventaris-2026.csv', [...list2025, added, gone]), '--year', '2026']);
    await ok(['build', '--year', '2026']);

    const result = await ok(['panel', '--out', join(scratch, 'panel'), '--format', 'parquet']);
    expect(result.stdout).toBe(`Panel van de jaren 2024, 2025, 2026 geschreven naar ${join(scratch, 'panel')}: 44 rijen, met het codeboek.`);
    panel = readCsv(join(scratch, 'panel/panel.csv'));
  });

  it('has every column of locaties.csv between jaar and the change', () => {
    const header = readFileSync(join(scratch, 'panel/panel.csv'), 'utf8').split('\n')[0];
    const locaties = readFileSync(join(scratch, 'r2024/locaties.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(`jaar,${locaties},verandering,toelichting`);
  });

  it('orders the rows by year and location_id', () => {
    const keys = panel.map((row) => `${row['jaar']}|${row['location_id']}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('flags the first built year as such and holds its rows as locaties.csv has them', () => {
    const first = panel.filter((row) => row['jaar'] === '2024');
    expect(first.map((row) => row['verandering'])).toEqual(Array(14).fill('eerste jaar'));
    const byId = new Map(exported.map((row) => [row['location_id'], row]));
    for (const { jaar, verandering, toelichting, ...row } of first) expect(row).toEqual(byId.get(row['location_id']));
  });

  it('flags 2025 against 2024 as lsp-monitor diff does', async () => {
    const [gone, renamed, potential, closed] = exported.slice(0, 4).map((row) => row['location_id']!);
    expect(rowOf(2025, gone!)).toEqual([expect.objectContaining({ naam: exported[0]!['naam'], status: '', bronnen: '', verandering: 'niet meer in beeld', toelichting: 'niet meer genoemd door de bronnen' })]);
    expect(rowOf(2025, renamed!)).toEqual([expect.objectContaining({ verandering: 'gewijzigd', toelichting: `naam: ${exported[1]!['naam']} → ${exported[1]!['naam']} Centrum` })]);
    expect(rowOf(2025, potential!)).toEqual([expect.objectContaining({ status: 'potentieel', verandering: 'niet meer in beeld', toelichting: expect.stringMatching(/^potentieel volgens inventaris-2025:\d+$/) })]);
    expect(rowOf(2025, closed!)).toEqual([expect.objectContaining({ status: 'gesloten', verandering: 'niet meer in beeld' })]);
    const added = panel.filter((row) => row['naam'] === 'Herstelcafé De Nieuwe Haven');
    expect(added.map((row) => [row['jaar'], row['verandering']])).toEqual([['2025', 'nieuw'], ['2026', 'ongewijzigd']]);
    const year2025 = panel.filter((row) => row['jaar'] === '2025');
    expect(year2025).toHaveLength(15);
    expect(year2025.filter((row) => row['verandering'] === 'ongewijzigd')).toHaveLength(10);

    const diff = await ok(['diff', '2024', '2025', '--out', join(scratch, 'diff')]);
    expect(diff.stdout).toContain('(1 nieuw, 3 niet meer in beeld, 1 gewijzigd)');
    const flags = new Map(readCsv(join(scratch, 'diff/verschillen.csv')).map((row) => [row['location_id'], row['verandering']]));
    for (const row of year2025) expect(row['verandering'], row['naam']).toBe(flags.get(row['location_id']) ?? 'niet in beeld');
  });

  it('flags a steunpunt back in view as new and one out of view both years as not in view', () => {
    expect(rowOf(2026, idOf(exported[0]!['naam']!))).toEqual([expect.objectContaining({ status: 'actief', verandering: 'nieuw' })]);
    expect(rowOf(2026, exported[2]!['location_id']!)).toEqual([expect.objectContaining({ status: 'potentieel', verandering: 'niet in beeld', toelichting: '' })]);
    expect(panel.filter((row) => row['jaar'] === '2026')).toHaveLength(15);
  });

  it('writes the same bytes again', async () => {
    await ok(['panel', '--out', join(scratch, 'again'), '--format', 'parquet']);
    for (const file of ['panel.csv', 'panel.parquet', 'codebook.csv', 'codebook.md']) {
      expect(readFileSync(join(scratch, 'again', file)).equals(readFileSync(join(scratch, 'panel', file))), file).toBe(true);
    }
  });

  it('writes Parquet with the codebook types and the same rows', async () => {
    const parquet = join(scratch, 'panel/panel.parquet').replace(/'/g, "''");
    const types = await queryRows(db, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${parquet}') WHERE column_name IN ('jaar', 'gewicht', 'postcode')`);
    expect(types).toEqual([['jaar', 'BIGINT'], ['postcode', 'VARCHAR'], ['gewicht', 'DOUBLE']]);
    const rows = await queryRows(db, `SELECT jaar, location_id, verandering FROM '${parquet}'`);
    expect(rows).toEqual(panel.map((row) => [row['jaar'], row['location_id'], row['verandering']]));
  });

  it('explains itself in Dutch', async () => {
    const help = await runCli(['panel', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Gebruik: lsp-monitor panel --out <map> [--format csv|parquet]');
  });

  it('refuses while a built year is out of date, naming the build to run, and writes nothing', async () => {
    await ok(['import', writeList('aanvulling-2026.csv', [{ naam: 'Inloophuis De Horst', plaats: 'Groesbeek', gemeente: 'Berg en Dal' }]), '--year', '2026']);
    const stale = await runCli(['panel', '--out', join(scratch, 'verouderd'), '--db', db]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/de build van 2026 is ouder dan .*; gebruik eerst 'lsp-monitor build --year 2026'/);
    expect(existsSync(join(scratch, 'verouderd'))).toBe(false);
  });

  it('refuses an unknown format and a database with no built year, in Dutch', async () => {
    const format = await runCli(['panel', '--out', join(scratch, 'x'), '--format', 'xlsx', '--db', db]);
    expect([format.code, format.stderr]).toEqual([2, "fout: optie --format: onbekend formaat 'xlsx'; kies csv of parquet"]);
    const empty = await runCli(['panel', '--out', join(scratch, 'x'), '--db', join(scratch, 'leeg.duckdb')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("er is nog geen monitorjaar gebouwd; gebruik eerst 'lsp-monitor build --year <jaar>'");
  });
});
