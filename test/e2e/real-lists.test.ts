/**
 * Lists as coordinators really send them (issue 12, observation 3; shapes in REAL-SHAPES.md):
 * Excel's `sep=;` line, a title row above the header, headers such as Gemeentenaam and
 * Vestigingsplaats, "ca. 40", "5038-AB", "Den Bosch", "Nuenen c.a.", "Gemeente Utrecht", and a
 * formula Excel never calculated. Every steunpunt is counted; what could not be read is said.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { queryRows } from '../helpers/database-state.ts';

const fixtures = fileURLToPath(new URL('../fixtures/inventory/', import.meta.url));

async function importBuildReport(name: string) {
  const scratch = scratchDir('lsp-monitor-real-lists-');
  const db = await freshDatabase(scratch);
  const file = join(scratch, name);
  copyFileSync(join(fixtures, name), file);
  const imported = await runCli(['import', file, '--year', '2025', '--db', db]);
  const built = await runCli(['build', '--year', '2025', '--db', db]);
  const out = join(scratch, 'out');
  const reported = await runCli(['report', '--year', '2025', '--out', out, '--db', db]);
  expect([built.code, reported.code], built.stderr + reported.stderr).toEqual([0, 0]);
  const byName = (rows: Record<string, string>[]) => Object.fromEntries(rows.map((row) => [row['naam'], row]));
  return { db, imported, locations: byName(readCsv(join(out, 'locaties.csv'))), rejects: readCsv(join(out, 'afgewezen.csv')) };
}

describe("a coordinators' list (Windows-1252, sep=;, title row)", () => {
  it('counts every steunpunt with its municipality, visitors and opening hours', async () => {
    const { db, imported, locations, rejects } = await importBuildReport('coordinatoren-1252.csv');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('4 rijen ingelezen, 0 afgewezen');
    expect(rejects).toEqual([]);
    expect(Object.keys(locations).sort()).toEqual(['Herstelcafé Tilburg', 'Herstelwerkplaats Utrecht', 'Inloop De Bossche Kamer', 'Ontmoetingsplek Nuenen']);
    const municipality = (name: string) => locations[name]?.['gemeente'];
    expect(municipality('Herstelcafé Tilburg')).toBe('Tilburg');
    expect(locations['Herstelcafé Tilburg']?.['postcode']).toBe('5038 AB');
    expect(municipality('Inloop De Bossche Kamer')).toBe("'s-Hertogenbosch");
    expect(municipality('Ontmoetingsplek Nuenen')).toBe('Nuenen, Gerwen en Nederwetten');
    expect(municipality('Herstelwerkplaats Utrecht')).toBe('Utrecht');
    expect(locations['Inloop De Bossche Kamer']?.['adres']).toBe('');
    expect(locations['Herstelcafé Tilburg']?.['adres']).toBe('Piusstraat 39');

    // "ca. 40" reads as 40, said in the signals; "wisselend" leaves the field empty and is said too.
    const visitors = await queryRows(db, 'SELECT name, visitors_per_week FROM inventory_record ORDER BY name');
    expect(visitors).toEqual([
      ['Herstelcafé Tilburg', 40],
      ['Herstelwerkplaats Utrecht', 60],
      ['Inloop De Bossche Kamer', 25],
      ['Ontmoetingsplek Nuenen', null],
    ]);
    expect(locations['Herstelcafé Tilburg']?.['signalen']).toContain("bezoekers per week 'ca. 40' gelezen als 40");
    expect(locations['Ontmoetingsplek Nuenen']?.['signalen']).toContain("bezoekers per week leeg gelaten: 'wisselend' is geen getal");
    expect(locations['Herstelcafé Tilburg']?.['grootte']).toBe('klein');

    // The opening hours are kept as written, for the dagdelen rule.
    const hours = await queryRows(db, "SELECT name, json_extract_string(extra, '$.openingstijden') FROM inventory_record ORDER BY name");
    expect(hours).toEqual([
      ['Herstelcafé Tilburg', 'ma, wo en vr 10.00 – 14.00 uur'],
      ['Herstelwerkplaats Utrecht', 'maandag t/m vrijdag 9:00-17:00'],
      ['Inloop De Bossche Kamer', 'dinsdagmiddag'],
      ['Ontmoetingsplek Nuenen', 'op afspraak'],
    ]);
    // Columns about people are named as not stored.
    expect(imported.stdout).toMatch(/niet bewaard.*'Contactpersoon'.*'Telefoon contactpersoon'/);
    // What was skipped or read approximately is said at the import, not only in the report.
    const lines = imported.stdout.split('\n');
    // Rows as Excel shows them: it hides the sep= line, so the title is row 1.
    expect(lines).toContain('  rij 1 boven de kopregel overgeslagen (titel)');
    expect(lines.filter((line) => line.startsWith('  let op: '))).toEqual([
      "  let op: rij 3, veld 'Bezoekers per week': bezoekers per week 'ca. 40' gelezen als 40; het steunpunt telt mee",
      "  let op: rij 5, veld 'Bezoekers per week': bezoekers per week leeg gelaten: 'wisselend' is geen getal (bezoekers per week); het steunpunt telt mee",
      "  let op: rij 6, veld 'Bezoekers per week': bezoekers per week 'ca 60' gelezen als 60; het steunpunt telt mee",
    ]);
    // The opening hours give the dagdelen and the size where nothing else does.
    expect(locations['Inloop De Bossche Kamer']?.['grootte_basis']).toBe('bezoekers');
    expect(locations['Ontmoetingsplek Nuenen']?.['signalen']).toContain("openingstijden niet te lezen: geen dagen of tijden herkend in 'op afspraak'");
  });
});

describe("a coordinators' workbook with a title row and formulas", () => {
  it('reads a string formula of literals, and rejects a formula without a value with a clear reason', async () => {
    const { imported, locations, rejects } = await importBuildReport('coordinatoren.xlsx');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 rijen ingelezen, 1 afgewezen');
    expect(Object.keys(locations).sort()).toEqual(['Herstelcafé Vlissingen', 'Inloophuis Middelburg']);
    expect(locations['Inloophuis Middelburg']?.['signalen']).toContain("bezoekers per week 'ca. 30' gelezen als 30");
    expect(rejects).toEqual([
      {
        bron: 'coordinatoren',
        bestand: 'coordinatoren.xlsx',
        rij: '5',
        veld: 'Naam',
        reden: "formule =B6&\" inloop\" heeft geen opgeslagen waarde; open het bestand in Excel, sla het op en lees het opnieuw in",
      },
    ]);
  });
});
