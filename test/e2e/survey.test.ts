/**
 * A self-assessment on the ten characteristics, imported for a built year: answers are linked
 * to the steunpunten by id or by name and municipality, stored per location and year, and the
 * report's Kenmerken section and kenmerken.csv show the share of each answer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { monitor2024, monitor2024Database } from '../helpers/monitor-2024.ts';
import { readCsv } from '../helpers/csv.ts';
import { databaseState, queryRows } from '../helpers/database-state.ts';
import { numbersNotInExports } from '../helpers/report-numbers.ts';
import { LOCATION_COLUMNS } from '../../pipeline/workbook/layout.ts';

/** The column of Locaties as the sheet heads it (its Dutch label). */
const labelOf = (header: string) => LOCATION_COLUMNS.find((column) => column.header === header)!.label;

describe('self-assessment on the ten characteristics', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  let imported: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    // 2024 as `lsp-monitor run` leaves it on a fresh database: the suite's one run, copied.
    const { reports } = await monitor2024();
    await monitor2024Database(scratch);
    const emmen = readCsv(join(reports, '2024/locaties.csv')).find((row) => row['naam'] === 'Herstelruimte Emmen')!;
    const answers = (first: string, rest: string) => [first, ...Array.from({ length: 9 }, () => rest)].join(';');
    writeFileSync(
      join(scratch, 'zelfevaluatie.csv'),
      [
        `locatie-id;naam;gemeente;${Array.from({ length: 10 }, (_, index) => `kenmerk ${index + 1}`).join(';')}`,
        `${emmen['location_id']};Herstelruimte Emmen;Emmen;${answers('ja', 'ja')}`,
        `;Stichting Herstelproces;Hoogeveen;${answers('in enige mate', 'ja')}`,
        `;Zelfregiecentrum Nijmegen;Nijmegen;${answers('nee', 'weet ik niet')}`,
        `;Inloop Atlantis;Atlantis;${answers('ja', 'ja')}`,
      ].join('\n'),
    );
    imported = await runCli(['import', join(scratch, 'zelfevaluatie.csv'), '--year', '2024', '--source', 'survey', '--db', db]);
    expect((await runCli(['report', '--year', '2024', '--out', join(scratch, 'out'), '--db', db])).code).toBe(0);
  });

  it('links answers to steunpunten by id or by name and municipality, and says which it could not link', () => {
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('zelfevaluatie.csv (bron survey, 2024): 40 antwoorden van 3 steunpunten ingelezen, 0 afgewezen.');
    expect(imported.stdout).toContain('niet gekoppeld aan een steunpunt van 2024: Inloop Atlantis');
  });

  it('shows the share of each answer per characteristic', () => {
    const rows = readCsv(join(scratch, 'out/kenmerken.csv'));
    expect(rows.filter((row) => row['kenmerk'] === '1')).toEqual([
      { kenmerk: '1', antwoord: 'in enige mate', steunpunten: '1', aandeel_pct: '33.3' },
      { kenmerk: '1', antwoord: 'ja', steunpunten: '1', aandeel_pct: '33.3' },
      { kenmerk: '1', antwoord: 'nee', steunpunten: '1', aandeel_pct: '33.3' },
    ]);
    expect(rows.filter((row) => row['kenmerk'] === '2')).toEqual([
      { kenmerk: '2', antwoord: 'ja', steunpunten: '2', aandeel_pct: '66.7' },
      { kenmerk: '2', antwoord: 'weet ik niet', steunpunten: '1', aandeel_pct: '33.3' },
    ]);
    const markdown = readFileSync(join(scratch, 'out/monitor.md'), 'utf8');
    expect(markdown).toContain('| Kenmerk | Ja | In enige mate | Nee | Weet ik niet | Steunpunten |');
    expect(markdown).toContain('| 2 | 67% | 0% | 0% | 33% | 3 |');
    expect(numbersNotInExports(join(scratch, 'out'))).toEqual([]);
  });

  it('shows each steunpunt\'s answers in the Locaties sheet of the Excel overview', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(scratch, 'out/overzicht.xlsx'));
    const sheet = workbook.getWorksheet('Locaties')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const rowOf = (name: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => { if (row.getCell(headers.indexOf(labelOf('naam'))).value === name) found = row; });
      return found!;
    };
    expect(rowOf('Herstelruimte Emmen').getCell(headers.indexOf(labelOf('kenmerk_1'))).value).toBe('ja');
    expect(rowOf('Zelfregiecentrum Nijmegen').getCell(headers.indexOf(labelOf('kenmerk_10'))).value).toBe('weet ik niet');
    expect(rowOf('Stichting Herstelproces').getCell(headers.indexOf(labelOf('kenmerk_1'))).value).toBe('in enige mate');
  });

  it('passes the guard: control characters and an oversized row are refused with the reason, a formula-looking name is data, unknown columns are not stored', async () => {
    const answers = (value: string) => Array.from({ length: 10 }, () => value).join(';');
    writeFileSync(
      join(scratch, 'zelfevaluatie-vijandig.csv'),
      [
        `naam;gemeente;${Array.from({ length: 10 }, (_, index) => `kenmerk ${index + 1}`).join(';')};E-mailadres`,
        `Herstelruimte Emmen;Emmen;${answers('ja')};jan.jansen@example.nl`,
        `Herstelruimte \u001bEmmen;Emmen;${answers('ja')};`,
        `Zelfregiecentrum Nijmegen;Nijmegen;${'x'.repeat(20_000)};${answers('nee').slice(4)};`,
        `"=HYPERLINK(""http://x"",""klik"")";Emmen;${answers('nee')};`,
      ].join('\n'),
    );
    const result = await runCli(['import', join(scratch, 'zelfevaluatie-vijandig.csv'), '--year', '2024', '--source', 'survey', '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('zelfevaluatie-vijandig.csv (bron survey, 2024): 20 antwoorden van 1 steunpunten ingelezen, 2 afgewezen.');
    expect(result.stdout).toContain('niet gekoppeld aan een steunpunt van 2024: =HYPERLINK("http://x","klik")');
    expect(result.stdout).toContain("niet gelezen en niet bewaard: kolom 'E-mailadres'");
    expect(result.stdout).toContain("afgewezen: zelfevaluatie-vijandig.csv, rij 3, veld 'naam': bevat een onzichtbaar stuurteken (U+001B)");
    expect(result.stdout).toMatch(/afgewezen: zelfevaluatie-vijandig\.csv, rij 4, veld 'kenmerk 1': rij is 20\.\d{3} tekens lang; de grens is 16\.000 per rij/);
    const stored = await queryRows(db, "SELECT DISTINCT name FROM survey_answer WHERE year = 2024 AND source = 'survey' ORDER BY name");
    expect(stored).toEqual([['=HYPERLINK("http://x","klik")'], ['Herstelruimte Emmen']]);
  });

  it('refuses a file without one usable answer and keeps the answers it would have replaced', async () => {
    const before = readFileSync(join(scratch, 'zelfevaluatie.csv'), 'utf8').split('\n');
    const unusable = join(scratch, 'zelfevaluatie-leeg.csv');
    writeFileSync(unusable, [before[0], ...before.slice(1).map((line) => line.replace(/;(ja|nee|in enige mate|weet ik niet)(?=;|$)/g, ';misschien'))].join('\n'));
    // Every table as before (the answers, and the imports ledger that says which file they came
    // from): the report, written from these tables alone, is then the same too.
    const tablesBefore = await databaseState(db);
    const refused = await runCli(['import', unusable, '--year', '2024', '--source', 'survey', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('zelfevaluatie-leeg.csv: geen enkele rij is bruikbaar');
    expect(refused.stderr).toContain('Er is niets veranderd.');
    expect(await databaseState(db)).toEqual(tablesBefore);
    expect(tablesBefore['survey_answer']?.rows).toBeGreaterThan(0);
  });

  it('names a file with spaces in its name as it is called, not as the snapshot url writes it', async () => {
    const spaced = join(scratch, 'zelfevaluatie regio noord.csv');
    writeFileSync(spaced, readFileSync(join(scratch, 'zelfevaluatie.csv')));
    const result = await runCli(['import', spaced, '--year', '2024', '--source', 'survey', '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('zelfevaluatie regio noord.csv (bron survey, 2024): 40 antwoorden van 3 steunpunten ingelezen, 0 afgewezen.');
    expect(await queryRows(db, "SELECT DISTINCT file_name FROM survey_answer WHERE year = 2024 AND source = 'survey'")).toEqual([['zelfevaluatie regio noord.csv']]);
  });
});
