/**
 * A coordinators' list gives opening hours, not dagdelen: each steunpunt gets the dagdelen and the
 * size the dagdeel rule gives (ochtend until 13:00, middag until 18:00, avond after; a part counts
 * when an opening covers 2 hours of it), an explicit dagdelen or visitors column still wins, and
 * text without days or times leaves the size unknown with a signal that quotes it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

/** Windows-1252 as Excel saves "CSV (gescheiden door lijstscheidingsteken)": en and em dashes at 0x96 and 0x97. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '–': 0x96, '—': 0x97, '€': 0x80 };
  return Buffer.from([...text].map((char) => special[char] ?? char.charCodeAt(0)));
}

// naam, gemeente, openingstijden, dagdelen, bezoekers -> expected dagdelen, size, basis
const CASES = [
  ['Inloop Dinsdag Vrijdag', 'Tilburg', 'di en vr 13.00-17.00', '', '', 2, 'klein', 'openingstijden'],
  ['Herstelhuis Werkweek', 'Utrecht', 'maandag t/m vrijdag 9:00-17:00', '', '', 10, 'groot', 'openingstijden'],
  ['Zaterdagcafé', 'Breda', 'za 10-12', '', '', 1, 'klein', 'openingstijden'],
  ['Woensdagmiddag Inloop', 'Eindhoven', 'woensdagmiddag', '', '', 1, 'klein', 'openingstijden'],
  ['Inloop Avond', 'Helmond', 'ma 10.00-16.00 en do 19.00-21.00', '', '', 3, 'klein', 'openingstijden'],
  ['Herstelcafé Drie Dagen', 'Oss', 'ma, wo en vr 10.00 – 14.00 uur', '', '', 3, 'klein', 'openingstijden'],
  ['Inloop Vier Dagen', 'Zeist', 'ma-do 10 uur-14 uur', '', '', 4, 'middelgroot', 'openingstijden'],
  ['Steunpunt Voluit', 'Amersfoort', 'maandag tot en met donderdag van 10 tot 14 uur', '', '', 4, 'middelgroot', 'openingstijden'],
  ['Inloop Ochtend en Middag', 'Veenendaal', 'dinsdagmiddag en woensdagochtend', '', '', 2, 'klein', 'openingstijden'],
  ['Huiskamer Lang Gestreept', 'Nieuwegein', 'ma — vr 9.00—12.30', '', '', 5, 'middelgroot', 'openingstijden'],
  ['Inloop Zaterdag Lang', 'Houten', 'elke zaterdag van 11:00 tot 14:00', '', '', 1, 'klein', 'openingstijden'],
  ['Dagdelen Gegeven', 'Woerden', 'za 10-12', '8', '', 8, 'groot', 'dagdelen'],
  ['Bezoekers Gegeven', 'IJsselstein', 'maandag t/m vrijdag 9:00-17:00', '', 'ca. 40', null, 'klein', 'bezoekers'],
] as const;

describe('opening hours in a coordinators list', () => {
  const root = scratchDir();
  const db = join(root, 'monitor.duckdb');
  const out = join(root, 'rapport');
  const file = join(root, 'lijst regio.csv');
  let locations: Record<string, Record<string, string>>;
  let sheetRows: Map<string, { dagdelen: unknown; openingstijden: unknown }>;
  let importOutput: string;

  beforeAll(async () => {
    await freshDatabase(root); // at db: a new database, copied
    const rows = [
      ...CASES.map(([name, municipality, hours, dagdelen, visitors]) => [name, municipality, hours, dagdelen, visitors]),
      ['Inloop Op Afspraak', 'Vianen', 'op afspraak', '', ''],
    ];
    const text = ['sep=;', 'Naam;Gemeentenaam;Openingstijden;Dagdelen;Bezoekers per week', ...rows.map((row) => row.join(';'))].join('\r\n');
    writeFileSync(file, windows1252(`${text}\r\n`));
    const imported = await runCli(['import', file, '--year', '2025', '--source', 'regio', '--db', db]);
    importOutput = imported.stdout + imported.stderr;
    expect(imported.code).toBe(0);
    expect((await runCli(['build', '--year', '2025', '--db', db])).code).toBe(0);
    const reported = await runCli(['report', '--year', '2025', '--out', out, '--db', db]);
    expect(reported.stderr).toBe('');
    locations = Object.fromEntries(readCsv(join(out, 'locaties.csv')).map((row) => [row['naam']!, row]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'overzicht.xlsx'));
    const sheet = workbook.getWorksheet('Locaties')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = (name: string) => headers.indexOf(name);
    sheetRows = new Map();
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const name = row.getCell(column('Naam')).text;
      if (name !== '') sheetRows.set(name, { dagdelen: row.getCell(column('Dagdelen per week')).value, openingstijden: row.getCell(column('Openingstijden')).value });
    });
  });

  it('reads every steunpunt of the list', () => {
    expect(importOutput).toContain('14 rijen ingelezen, 0 afgewezen');
    expect(Object.keys(locations)).toHaveLength(14);
  });

  it.each(CASES)('%s (%s, "%s") gets the dagdelen and size of the rule', (name, _municipality, hours, _dagdelen, _visitors, dagdelen, size, basis) => {
    expect(locations[name]!['grootte']).toBe(size);
    expect(locations[name]!['grootte_basis']).toBe(basis);
    expect(sheetRows.get(name)).toEqual({ dagdelen, openingstijden: hours.replace(/\s+/g, ' ') });
  });

  it('leaves text without days or times unknown, and says so with the text', () => {
    const row = locations['Inloop Op Afspraak']!;
    expect(row['grootte']).toBe('onbekend');
    expect(row['signalen']).toBe("grootte onbekend; openingstijden niet te lezen: geen dagen of tijden herkend in 'op afspraak'");
    expect(sheetRows.get('Inloop Op Afspraak')).toEqual({ dagdelen: null, openingstijden: 'op afspraak' });
  });
});
