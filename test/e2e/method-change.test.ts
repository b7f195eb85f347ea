/**
 * Year on year across a change of method (issue 12, observation 6). 2024 is built with
 * galan2024 (a steunpunt counts in its IZA-region's province), 2025 with actueel (its
 * municipality's). Three 2024 steunpunten lie in another province than their region's:
 * Burgers4Burgers (Veenendaal, Utrecht; region Gelderse Vallei, Gelderland), Twello (Voorst,
 * Gelderland; Midden-IJssel, Overijssel) and Herstelacademie Bommelerwaard (Zaltbommel,
 * Gelderland; Noordoost Brabant, Noord-Brabant). None of them moved, yet their provinces change:
 * the diff and the report must say how much of each province's change is the method and how much
 * steunpunten that opened or closed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { addYearOnYearSheet } from '../../pipeline/workbook/write/sheets/year-on-year.ts';
import { SHEETS } from '../../pipeline/workbook/layout.ts';
import { PROVINCES } from '../../sources/reference/provinces.ts';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { monitor2024, monitor2024Database } from '../helpers/monitor-2024.ts';
import { numbersNotInExports } from '../helpers/report-numbers.ts';

const seedPath = fileURLToPath(new URL('../../sources/inventories/galan2024/locations.csv', import.meta.url));
const seed = Papa.parse<Record<string, string>>(readFileSync(seedPath, 'utf8'), { header: true, skipEmptyLines: true }).data;

const CLOSED = 'Dorpskamer Didam'; // Montferland, Gelderland (Achterhoek)
const REMOVED = 'Markieza / Door & Voor'; // 's-Hertogenbosch, Noord-Brabant (Noordoost Brabant)
const ADDED = [
  ['Herstelcafé Amersfoort', 'Amersfoort', 'Amersfoort'], // Utrecht
  ['Inloop De Waard', 'Zaltbommel', 'Zaltbommel'], // Gelderland, in the region Noordoost Brabant
];

/** Per province: [door methode, nieuw in beeld, niet meer in beeld, verhuisd]. */
const EXPECTED: Record<string, [number, number, number, number]> = {
  Overijssel: [-1, 0, 0, 0],
  Gelderland: [1, 1, 1, 0],
  Utrecht: [1, 1, 0, 0],
  'Noord-Brabant': [-1, 0, 1, 0],
};

function inventory2025(): string {
  const rows = seed.flatMap((row) => {
    if (row['location_name'] === REMOVED) return [];
    return [{
      naam: row['location_name'],
      organisatie: row['organisation'],
      plaats: row['city'],
      gemeente: row['municipality_as_written'],
      iza_regio: row['iza_region'],
      status: row['location_name'] === CLOSED ? 'gesloten' : 'actief',
    }];
  });
  for (const [naam, plaats, gemeente] of ADDED) rows.push({ naam: naam!, organisatie: '', plaats: plaats!, gemeente: gemeente!, iza_regio: '', status: 'actief' });
  return Papa.unparse(rows, { newline: '\n' });
}

describe('year on year from galan2024 (2024) to actueel (2025)', () => {
  const scratch = scratchDir();
  let db: string;
  /** The 2024 monitor as `lsp-monitor run` published it (read only). */
  let reports2024: string;
  let diffOutput: string[];
  let areas: Record<string, string>[];
  const province = (name: string) => areas.find((row) => row['niveau'] === 'provincie' && row['gebied'] === name)!;

  beforeAll(async () => {
    const file = join(scratch, 'inventaris-2025.csv');
    writeFileSync(file, inventory2025());
    // 2024 as `lsp-monitor run` leaves it on a fresh database: the suite's one run, copied.
    const { run, reports } = await monitor2024();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    reports2024 = join(reports, '2024');
    db = await monitor2024Database(scratch);
    const steps = [
      ['import', file, '--year', '2025', '--db', db],
      ['build', '--year', '2025', '--db', db],
      ['report', '--year', '2025', '--out', join(scratch, 'r2025'), '--db', db],
    ];
    for (const args of steps) {
      const result = await runCli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const diff = await runCli(['diff', '2024', '2025', '--out', join(scratch, 'diff'), '--db', db]);
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(0);
    diffOutput = diff.stdout.split('\n');
    areas = readCsv(join(scratch, 'diff/verschillen-per-regio.csv'));
  });

  it('shows per province the change that only the method makes: the three steunpunten outside their region\'s province', () => {
    for (const { name } of PROVINCES) {
      expect(Number(province(name)['door_methode']), name).toBe(EXPECTED[name]?.[0] ?? 0);
    }
  });

  it('takes each province\'s change apart exactly into method, opened, closed and moved', () => {
    for (const { name } of PROVINCES) {
      const row = province(name);
      const [method, opened, closed, moved] = ['door_methode', 'nieuw_in_beeld', 'niet_meer_in_beeld', 'verhuisd'].map((column) => Number(row[column]));
      expect([method, opened, closed, moved], name).toEqual(EXPECTED[name] ?? [0, 0, 0, 0]);
      expect(Number(row['in_beeld_2025']) - Number(row['in_beeld_2024']), name).toBe(method! + opened! - closed! + moved!);
      expect(Number(row['verschil']), name).toBe(method! + opened! - closed! + moved!);
    }
  });

  it('recounts 2024 as the published 2024 locations lie by municipality, against the published provinces of both years', () => {
    const located2024 = readCsv(join(reports2024, 'locaties.csv')).filter((row) => row['status'] === 'actief');
    const published2024 = readCsv(join(reports2024, 'provincies.csv'));
    const published2025 = readCsv(join(scratch, 'r2025/provincies.csv'));
    for (const { name } of PROVINCES) {
      const row = province(name);
      expect(Number(row['in_beeld_2024_volgens_methode_2025']), name).toBe(located2024.filter((location) => location['provincie'] === name).length);
      expect(row['in_beeld_2024'], name).toBe(published2024.find((entry) => entry['provincie'] === name)?.['in_beeld']);
      expect(row['in_beeld_2025'], name).toBe(published2025.find((entry) => entry['provincie'] === name)?.['in_beeld']);
    }
  });

  it('leaves the national count and the IZA-regions untouched by the method', () => {
    const national = areas.find((row) => row['niveau'] === 'nederland')!;
    expect(national).toMatchObject({ in_beeld_2024: '278', in_beeld_2025: '278', door_methode: '0', nieuw_in_beeld: '2', niet_meer_in_beeld: '2' });
    expect(areas.filter((row) => row['niveau'] === 'iza_regio' && row['door_methode'] !== '0')).toEqual([]);
  });

  it('says so in Dutch on the command line', () => {
    expect(diffOutput[0]).toBe('278 steunpunten, 0 (0%) ten opzichte van 2024 (2 nieuw, 2 niet meer in beeld, 0 gewijzigd).');
    expect(diffOutput[1]).toBe(
      '2024 is berekend met methode ‘zoals De Galan (2024)’ en 2025 met ‘meest recente inwonertal en EPA-cijfers tot en met het monitorjaar’. In 2024 telt een steunpunt mee in de provincie van zijn IZA-regio, ' +
        'in 2025 in de provincie van zijn gemeente. Alleen daardoor, zonder dat een steunpunt verhuisde, verandert het aantal in beeld per provincie: ' +
        'Overijssel −1, Gelderland +1, Utrecht +1, Noord-Brabant −1. De rest van het verschil komt van steunpunten die nieuw in beeld kwamen, ' +
        'niet meer in beeld zijn of naar een andere provincie verhuisden.',
    );
  });

  it('says so in the report\'s Jaar-op-jaar section, with every number in the exports', () => {
    const markdown = readFileSync(join(scratch, 'r2025', 'monitor.md'), 'utf8');
    const section = markdown.slice(markdown.indexOf('## Jaar-op-jaar'));
    expect(section).toContain(diffOutput[1]);
    expect(section).toContain('| Provincie | In beeld 2024 | In beeld 2025 | Verschil | Verandering | Door methode | Nieuw in beeld | Niet meer in beeld | Verhuisd |');
    expect(section).toContain('| Gelderland | 41 | 42 | +1 | +2,4% | +1 | 1 | 1 | 0 |');
    expect(numbersNotInExports(join(scratch, 'r2025'))).toEqual([]);
    expect(readCsv(join(scratch, 'r2025', 'verschillen-per-regio.csv'))).toEqual(areas);
  });

  it('shows the parts in the Jaar-op-jaar sheet when its rows carry them', () => {
    const workbook = new ExcelJS.Workbook();
    const level = (value: string | undefined): 'nederland' | 'iza_regio' | 'provincie' => (value === 'nederland' ? 'nederland' : value === 'iza_regio' ? 'iza_regio' : 'provincie');
    const rows = areas.map((row) => ({
      level: level(row['niveau']),
      area: row['gebied']!,
      previousInView: Number(row['in_beeld_2024']),
      inView: Number(row['in_beeld_2025']),
      previousWeighted: Number(row['gewogen_2024']),
      weighted: Number(row['gewogen_2025']),
      parts: { methodEffect: Number(row['door_methode']), opened: Number(row['nieuw_in_beeld']), closed: Number(row['niet_meer_in_beeld']), moved: Number(row['verhuisd']) },
    }));
    addYearOnYearSheet(workbook, 2025, { previousYear: 2024, rows });
    const sheet = workbook.getWorksheet(SHEETS.yearOnYear)!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Niveau', 'Gebied', 'In beeld 2024', 'In beeld 2025', 'Verschil in beeld', 'Gewogen 2024', 'Gewogen 2025', 'Verschil gewogen', 'Door de methode', 'Nieuw in beeld', 'Niet meer in beeld', 'Verhuisd']);
    const gelderland = rows.findIndex((row) => row.level === 'provincie' && row.area === 'Gelderland') + 2;
    expect(sheet.getRow(gelderland).values).toEqual([
      undefined, 'provincie', 'Gelderland', 41, 42, { formula: `D${gelderland}-C${gelderland}`, result: 1 }, 41, 42, { formula: `G${gelderland}-F${gelderland}`, result: 1 }, 1, 1, 1, 0,
    ]);
  });

  it('shows no method change between two years built with the same method', async () => {
    const file = join(scratch, 'inventaris-2025.csv');
    for (const args of [['import', file, '--year', '2026', '--db', db], ['build', '--year', '2026', '--db', db]]) {
      expect((await runCli(args)).code).toBe(0);
    }
    const diff = await runCli(['diff', '2025', '2026', '--out', join(scratch, 'diff-2026'), '--db', db]);
    expect(diff.code).toBe(0);
    expect(diff.stdout.split('\n')).toEqual(['278 steunpunten, 0 (0%) ten opzichte van 2025 (0 nieuw, 0 niet meer in beeld, 0 gewijzigd).', `Verschillen geschreven naar ${join(scratch, 'diff-2026')}.`]);
    const rows = readCsv(join(scratch, 'diff-2026/verschillen-per-regio.csv'));
    expect(rows.filter((row) => ['door_methode', 'nieuw_in_beeld', 'niet_meer_in_beeld', 'verhuisd'].some((column) => row[column] !== '0'))).toEqual([]);
  });
});
