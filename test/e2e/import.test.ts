/**
 * `lsp-monitor import` end to end, per format and header language, and the rejects a person
 * sees: every row either goes in or comes out in afgewezen.csv with file, row, field and reason.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { writeReportTables } from '../helpers/report-tables.ts';

const fixtures = fileURLToPath(new URL('../fixtures/inventory/', import.meta.url));

/** Imports and builds `file`, and writes the report's tables (report-tables.ts: these tests read no figure or text). */
async function importAndReport(file: string, extraArgs: string[] = []) {
  const scratch = scratchDir();
  const db = await freshDatabase(scratch);
  const imported = await runCli(['import', file, '--year', '2025', '--db', db, ...extraArgs]);
  const built = await runCli(['build', '--year', '2025', '--db', db]);
  expect(built.code).toBe(0);
  await writeReportTables(db, 2025, join(scratch, 'out'));
  return {
    imported,
    locations: readCsv(join(scratch, 'out/locaties.csv')),
    rejects: readCsv(join(scratch, 'out/afgewezen.csv')),
  };
}

describe('import per format', () => {
  it.each([
    ['CSV, comma, UTF-8, Dutch headers', 'locaties-komma.csv'],
    ['CSV, semicolon, Windows-1252, English headers', 'locations-puntkomma-1252.csv'],
    ['CSV, tab, UTF-8 with BOM', 'locaties-bom-tab.csv'],
    ['XLSX, Dutch headers', 'locaties.xlsx'],
    ['XLSX, English headers (sheet chosen by name)', 'locations.xlsx'],
  ])('%s', async (_label, name) => {
    const args = name === 'locations.xlsx' ? ['--sheet', 'Locations'] : [];
    const { imported, locations, rejects } = await importAndReport(join(fixtures, name), args);
    expect(imported.code).toBe(0);
    expect(rejects).toEqual([]);
    expect(locations.length).toBeGreaterThan(0);
    expect(imported.stdout).toContain(`${locations.length} rijen ingelezen, 0 afgewezen`);
    for (const location of locations) expect(location['gemeentecode'], location['naam']).toMatch(/^GM\d{4}$/);
    const heerenberg = locations.find((location) => location['naam']?.includes('s-Heerenberg'));
    if (heerenberg) expect(heerenberg).toMatchObject({ naam: 'Stadskamer ‘s-Heerenberg', gemeente: 'Montferland' });
  });
});

describe('rejects', () => {
  it('keeps every usable row, counts a row whose optional field is unreadable, and lists each unusable one with row, field and a Dutch reason', async () => {
    const file = join(scratchDir(), 'regio-oost.csv');
    writeFileSync(
      file,
      [
        'naam;gemeente;iza_regio;postcode;grootte;dagdelen_per_week',
        'Herstelcafé Deventer;Deventer;;;;',
        'Inloop Atlantis;Atlantis;;;;',
        ';Zwolle;;;;',
        'Steunpunt Twello;Voorst;;12345;;',
        'Inloop Onbekend;;Twente;;;',
        'Inloop Hengelo;Hengelo (O.);;;reusachtig;',
        'Inloop Almelo;Almelo;;;;veel',
        `Inloop Lang;${'x'.repeat(600)};;;;`,
      ].join('\n'),
    );
    const { imported, locations, rejects } = await importAndReport(file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('regio-oost.csv (bron regio-oost, 2025): 5 rijen ingelezen, 3 afgewezen.');
    const shown = locations.map((location) => [location['naam'], location['gemeente'], location['iza_regio'], location['signalen']]);
    expect(shown.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['Herstelcafé Deventer', 'Deventer', 'Midden-IJssel', 'grootte onbekend'],
      ['Inloop Almelo', 'Almelo', 'Twente', "grootte onbekend; dagdelen per week leeg gelaten: 'veel' is geen getal (dagdelen per week)"],
      ['Inloop Hengelo', 'Hengelo (O.)', 'Twente', "grootte onbekend; grootte leeg gelaten: 'reusachtig' is geen geldige waarde, toegestaan: klein, middelgroot, groot"],
      ['Inloop Onbekend', '', 'Twente', 'gemeente onbekend; grootte onbekend'],
      ['Steunpunt Twello', 'Voorst', 'Midden-IJssel', "grootte onbekend; postcode leeg gelaten: '12345' is geen Nederlandse postcode (verwacht: 1234 AB)"],
    ]);
    expect(rejects).toEqual([
      { bron: 'regio-oost', bestand: 'regio-oost.csv', rij: '3', veld: 'gemeente', reden: "gemeente 'Atlantis' niet gevonden; ook geen IZA-regio opgegeven" },
      { bron: 'regio-oost', bestand: 'regio-oost.csv', rij: '4', veld: 'naam', reden: 'naam ontbreekt' },
      // The municipality left empty is why the row resolves nowhere: the reason says so.
      { bron: 'regio-oost', bestand: 'regio-oost.csv', rij: '9', veld: 'gemeente', reden: 'tekst is langer dan 500 tekens' },
    ]);
  });

  it('refuses a file without a name column as a whole, naming file and column, and stores nothing', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    const file = join(scratch, 'zonder-naam.csv');
    writeFileSync(file, 'plaats,gemeente\nDeventer,Deventer\n');
    const result = await runCli(['import', file, '--year', '2025', '--db', db]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe("fout: bestand zonder-naam.csv: kolom 'naam' ontbreekt (gevonden kolommen: plaats, gemeente)");
    const build = await runCli(['build', '--year', '2025', '--db', db]);
    expect(build.stderr).toBe("fout: er zijn geen gegevens voor 2025 geïmporteerd; gebruik eerst 'lsp-monitor import <bestand> --year 2025'");
  });

  it('replaces an earlier import of the same source and year instead of adding to it', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    const file = join(scratch, 'lijst.csv');
    writeFileSync(file, 'naam,gemeente\nA,Utrecht\nB,Zeist\n');
    await runCli(['import', file, '--year', '2025', '--db', db]);
    writeFileSync(file, 'naam,gemeente\nA,Utrecht\n');
    await runCli(['import', file, '--year', '2025', '--db', db]);
    const built = await runCli(['build', '--year', '2025', '--db', db]);
    expect(built.stdout).toContain('1 steunpunten in beeld');
  });
});
