/**
 * The tool's own exports are next year's inventory (issue 12, observation 1): `locaties.csv` and
 * the Locaties sheet of `overzicht.xlsx` import with every value the tool writes itself, and the
 * `location_id` they carry keeps each steunpunt's identity, so the diff shows no change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { monitor2024, monitor2024Database } from '../helpers/monitor-2024.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { queryRows } from '../helpers/database-state.ts';
import { OverviewEditor } from '../pipeline/workbook/edit-overview.ts';
import { LOCATION_COLUMNS } from '../../pipeline/workbook/layout.ts';

const scratch = scratchDir('lsp-monitor-own-export-');
const db = join(scratch, 'monitor.duckdb');
/** The suite's one 2024 run's reports folder: read only. */
let reports: string;

async function ok(args: string[]) {
  const result = await runCli([...args, '--db', db]);
  expect(result.code, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** Imports `file` as `year`: all 278 steunpunten, and the diff with the year before shows none new or gone. */
async function importsWithTheSameIds(file: string, year: number) {
  const imported = await ok(['import', file, '--year', String(year)]);
  expect(imported.stdout).toContain('278 rijen ingelezen, 0 afgewezen');
  expect(imported.stderr).toBe('');
  expect((await ok(['build', '--year', String(year)])).stdout).toContain('278 steunpunten in beeld');
  const diff = await ok(['diff', String(year - 1), String(year)]);
  expect(diff.stdout).toMatch(/\(0 nieuw, 0 niet meer in beeld, \d+ gewijzigd\)/);
}

describe('own exports as next year’s inventory', () => {
  beforeAll(async () => {
    // 2024 as `lsp-monitor run` leaves it on a fresh database: the suite's one run, its database copied.
    const shared = await monitor2024();
    expect(shared.run.code, shared.run.stderr).toBe(0);
    reports = shared.reports;
    await monitor2024Database(scratch);
  });

  it('imports locaties.csv of 2024 as 2025 with all 278 steunpunten and the same ids', async () => {
    const imported = await ok(['import', join(reports, '2024/locaties.csv'), '--year', '2025']);
    expect(imported.stdout).toContain('278 rijen ingelezen, 0 afgewezen');
    expect(imported.stderr).toBe('');
    // Columns the tool computes itself are named as ignored, not stored.
    expect(imported.stdout).toMatch(/niet bewaard.*'provincie'.*'bronnen'.*'signalen'/s);
    expect((await ok(['build', '--year', '2025'])).stdout).toContain('278 steunpunten in beeld');
    const diff = await ok(['diff', '2024', '2025']);
    expect(diff.stdout).toMatch(/\(0 nieuw, 0 niet meer in beeld, \d+ gewijzigd\)/);
    const before = readCsv(join(reports, '2024/locaties.csv'));
    await ok(['report', '--year', '2025', '--out', join(scratch, 'out-2025')]);
    const after = readCsv(join(scratch, 'out-2025/locaties.csv'));
    expect(after.map((row) => row['location_id']).sort()).toEqual(before.map((row) => row['location_id']).sort());
    expect(after.filter((row) => row['grootte'] !== 'onbekend')).toEqual([]);
  });

  it('imports the Locaties sheet of the 2025 workbook as 2026 with all 278 and the same ids', async () => {
    const workbook = join(scratch, 'out-2025/overzicht.xlsx');
    // No --sheet: the overview's Toelichting is passed over for the first sheet with a name column.
    await importsWithTheSameIds(workbook, 2026);
  });

  it('imports a Locaties sheet of the previous version, whose headers were the CSV column names, as 2027 with the same ids', async () => {
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'out-2025/overzicht.xlsx')));
    LOCATION_COLUMNS.forEach((column, index) => {
      editor.locations.getCell(1, index + 1).value = column.header;
    });
    const old = join(scratch, 'overzicht-oud.xlsx');
    writeFileSync(old, await editor.bytes());
    await importsWithTheSameIds(old, 2027);
  });

  it('keeps a given id through a move or a rename, but not for a row that clearly is another steunpunt', async () => {
    const file = join(scratch, 'verhuisd.csv');
    writeFileSync(
      file,
      [
        'location_id,naam,gemeente',
        // Same name, another municipality (moved): the given id holds.
        'LSP-6f6a041e5d,Herstelruimte Emmen,Coevorden',
        // Another name, same municipality (renamed): the given id holds.
        'LSP-e8b9ff9d22,Herstelhuis Almere Haven,Almere',
        // Another name and another municipality: an id copied onto another steunpunt.
        'LSP-0f941ef82b,Inloop De Vlonder,Maastricht',
      ].join('\n'),
    );
    const imported = await ok(['import', file, '--year', '2030']);
    expect(imported.stdout).toContain('3 rijen ingelezen, 0 afgewezen');
    await ok(['build', '--year', '2030']);
    const ids = await queryRows(db, 'SELECT name, location_id FROM location WHERE year = 2030 ORDER BY name');
    expect(ids).toEqual([
      ['Herstelhuis Almere Haven', 'LSP-e8b9ff9d22'],
      ['Herstelruimte Emmen', 'LSP-6f6a041e5d'],
      ['Inloop De Vlonder', expect.not.stringMatching(/^LSP-0f941ef82b$/)],
    ]);
  });

  it('takes off the apostrophe the export put before a formula-looking name, and keeps every other text as written', async () => {
    const own = scratchDir('lsp-monitor-own-export-text-');
    const file = join(own, 'locaties.csv');
    writeFileSync(
      file,
      [
        'location_id,naam,organisatie,adres,postcode,plaats,gemeentecode,gemeente,provincie,iza_regio,grootte,grootte_basis,gewicht,status,bronnen,signalen,opmerking',
        `LSP-0000000001,"'@ease Utrecht",@ease,,,Utrecht,GM0344,Utrecht,Utrecht,Utrecht / Utrecht,onbekend,onbekend,1.0,actief,x:1,grootte onbekend,`,
        `LSP-0000000002,Inloop 's-Hertogenbosch,,,,'s-Hertogenbosch,GM0796,'s-Hertogenbosch,Noord-Brabant,Noordoost Brabant,klein,opgegeven,0.5,actief,x:2,,"'-Herstelcafé-"`,
      ].join('\n'),
    );
    const ownDb = await freshDatabase(own);
    const imported = await runCli(['import', file, '--year', '2025', '--db', ownDb]);
    expect(imported.stdout, imported.stderr).toContain('2 rijen ingelezen, 0 afgewezen');
    expect(await queryRows(ownDb, 'SELECT name, place, note, size_given FROM inventory_record ORDER BY row_number')).toEqual([
      ['@ease Utrecht', 'Utrecht', null, null],
      ["Inloop 's-Hertogenbosch", "'s-Hertogenbosch", '-Herstelcafé-', 'klein'],
    ]);
  });
});
