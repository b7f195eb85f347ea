/**
 * The working group's round trip: report writes overzicht.xlsx, a person edits it (a size, a
 * closure, a new location, a review decision), `lsp-monitor corrections` takes the edits in,
 * and the rebuilt exports change exactly as expected; the same file again changes nothing;
 * a file with an invalid edit is refused whole.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { queryRows, snapshotOf, stateComparedTo } from '../helpers/database-state.ts';
import { writeReportTables } from '../helpers/report-tables.ts';
import { twoLists2024, twoLists2024Database } from '../helpers/two-lists-2024.ts';
import { OverviewEditor } from '../pipeline/workbook/edit-overview.ts';
import { LOCATION_COLUMNS, REVIEW_HEADERS, REVIEW_KEYS, SHEETS, type ReviewColumn } from '../../pipeline/workbook/layout.ts';

describe('corrections from the edited Excel overview', () => {
  const scratch = scratchDir();
  let db: string;
  const report = (out: string) => runCli(['report', '--year', '2024', '--out', join(scratch, out), '--db', db]);
  let before: { locations: Record<string, string>[]; provinces: Map<string | undefined, Record<string, string>>; review: Record<string, string>[] };
  let after: typeof before;
  let edited: string;
  let applied: Awaited<ReturnType<typeof runCli>>;
  let noordHolland: Record<string, string>;
  let closed: Record<string, string>;

  const read = (out: string) => ({
    locations: readCsv(join(scratch, out, 'locaties.csv')),
    provinces: new Map(readCsv(join(scratch, out, 'provincies.csv')).map((row) => [row['provincie'], row])),
    review: readCsv(join(scratch, out, 'te-beoordelen.csv')),
  });

  beforeAll(async () => {
    // Import lijst-a and lijst-b, build and report 2024 on a new database (shared with dedupe-quality.test.ts).
    const shared = await twoLists2024();
    expect(shared.results.map((result) => result.code)).toEqual([0, 0, 0, 0]);
    db = await twoLists2024Database(scratch);
    cpSync(shared.report, join(scratch, 'voor'), { recursive: true });
    before = read('voor');

    noordHolland = before.locations.find((row) => row['provincie'] === 'Noord-Holland' && row['grootte'] === 'onbekend')!;
    closed = before.locations.find((row) => row['provincie'] === 'Zeeland')!;
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'voor', 'overzicht.xlsx')));
    editor.setLocation(editor.rowOf(noordHolland['location_id']!), 'grootte', 'groot');
    editor.setLocation(editor.rowOf(closed['location_id']!), 'status', 'gesloten');
    const newRow = before.locations.length + 2;
    editor.setLocation(newRow, 'naam', 'Herstelplek De Brug');
    editor.setLocation(newRow, 'gemeente', 'Assen');
    editor.setLocation(newRow, 'grootte', 'klein');
    editor.setDecision(2, 'verschillend');
    edited = join(scratch, 'overzicht-bewerkt.xlsx');
    writeFileSync(edited, await editor.bytes());

    applied = await runCli(['corrections', edited, '--year', '2024', '--db', db]);
    expect((await report('na')).code).toBe(0);
    after = read('na');
  });

  it('takes in the four edits and says what changed', () => {
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('overzicht-bewerkt.xlsx: 4 wijziging(en) overgenomen.');
    expect(applied.stdout).toContain('Monitor 2024 gebouwd');
  });

  it('changes the exports exactly as edited', () => {
    const locationAfter = (id: string) => after.locations.find((row) => row['location_id'] === id);
    expect(locationAfter(noordHolland['location_id']!)).toMatchObject({ grootte: 'groot', grootte_basis: 'opgegeven', gewicht: '2.0' });
    expect(locationAfter(noordHolland['location_id']!)?.['bronnen']).toContain('correctie:overzicht-bewerkt.xlsx');
    expect(locationAfter(closed['location_id']!)).toMatchObject({ status: 'gesloten' });
    expect(after.locations.find((row) => row['naam'] === 'Herstelplek De Brug')).toMatchObject({ gemeente: 'Assen', provincie: 'Drenthe', grootte: 'klein' });

    const province = (map: typeof before.provinces, name: string, column: string) => Number(map.get(name)?.[column]);
    expect(province(after.provinces, 'Noord-Holland', 'gewogen')).toBe(province(before.provinces, 'Noord-Holland', 'gewogen') + 1);
    expect(province(after.provinces, 'Zeeland', 'in_beeld')).toBe(province(before.provinces, 'Zeeland', 'in_beeld') - 1);
    expect(province(after.provinces, 'Drenthe', 'in_beeld')).toBe(province(before.provinces, 'Drenthe', 'in_beeld') + 1);
    for (const name of ['Groningen', 'Utrecht', 'Limburg']) {
      expect(after.provinces.get(name), name).toEqual(before.provinces.get(name));
    }
    expect(after.review).toHaveLength(before.review.length - 1);
  });

  it('changes nothing when the same file is taken in again', async () => {
    const again = await runCli(['corrections', edited, '--year', '2024', '--db', db]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/overzicht-bewerkt\.xlsx: (geen wijzigingen ten opzichte van monitor 2024|dit bestand is al eerder overgenomen voor 2024; er is niets veranderd)\./);
    // Only locaties.csv is compared: the report's tables (report-tables.ts) are enough.
    await writeReportTables(db, 2024, join(scratch, 'nogmaals'));
    expect(readFileSync(join(scratch, 'nogmaals', 'locaties.csv'), 'utf8')).toBe(readFileSync(join(scratch, 'na', 'locaties.csv'), 'utf8'));
  });

  it('refuses a workbook with an edited id, an invalid dropdown value and a formula in a name, and applies nothing', async () => {
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'na', 'overzicht.xlsx')));
    const [first, second, third] = after.locations;
    editor.setLocation(editor.rowOf(first!['location_id']!), 'location_id', 'LSP-0000000000');
    editor.setLocation(editor.rowOf(second!['location_id']!), 'grootte', 'reusachtig');
    editor.setLocation(editor.rowOf(third!['location_id']!), 'naam', { formula: 'HYPERLINK("http://x","klik")' });
    const bad = join(scratch, 'overzicht-fout.xlsx');
    writeFileSync(bad, await editor.bytes());
    const before = await snapshotOf(db);
    const result = await runCli(['corrections', bad, '--year', '2024', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^fout: bestand overzicht-fout\.xlsx: 3 ongeldige wijziging\(en\); er is niets overgenomen/m);
    expect(result.stderr).toContain("kolom 'Locatie-id'");
    expect(result.stderr).toContain("kolom 'Grootte'");
    expect(result.stderr).toContain("kolom 'Naam'");
    // Nothing applied: every table exactly as before (so every export too).
    expect(await stateComparedTo(db, before)).toEqual(before.state);
  });

  it('reads a workbook of the previous version, whose headers were the CSV column names', async () => {
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'na', 'overzicht.xlsx')));
    const [first] = after.locations;
    editor.setLocation(editor.rowOf(first!['location_id']!), 'opmerking', 'nagekeken in het oude overzicht');
    editor.setDecision(2, 'zelfde');
    LOCATION_COLUMNS.forEach((column, index) => {
      expect(editor.locations.getCell(1, index + 1).value).toBe(column.label);
      editor.locations.getCell(1, index + 1).value = column.header;
    });
    const review = editor.sheet(SHEETS.review);
    review.getRow(1).eachCell((cell) => {
      const name = (Object.keys(REVIEW_HEADERS) as ReviewColumn[]).find((key) => REVIEW_HEADERS[key] === cell.value);
      expect(name, String(cell.value)).toBeDefined();
      cell.value = REVIEW_KEYS[name!];
    });
    writeFileSync(join(scratch, 'overzicht-oud.xlsx'), await editor.bytes());
    const result = await runCli(['corrections', join(scratch, 'overzicht-oud.xlsx'), '--year', '2024', '--dry-run', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${first!['location_id']} '${first!['naam']}': opmerking`);
    expect(result.stdout).toContain('overzicht-oud.xlsx: 2 wijziging(en) gevonden; niets overgenomen (--dry-run).');
    expect(result.stdout).not.toContain('niet gelezen');
  });

  it('shows at most 20 per-row lines and how many more, for errors and for changes', async () => {
    const rows = after.locations.slice(0, 30);
    const invalid = await OverviewEditor.open(readFileSync(join(scratch, 'na', 'overzicht.xlsx')));
    for (const row of rows) invalid.setLocation(invalid.rowOf(row['location_id']!), 'grootte', 'reusachtig');
    writeFileSync(join(scratch, 'overzicht-30-fout.xlsx'), await invalid.bytes());
    const refused = await runCli(['corrections', join(scratch, 'overzicht-30-fout.xlsx'), '--year', '2024', '--db', db]);
    expect(refused.code).toBe(1);
    const errorLines = refused.stderr.split('\n');
    expect(errorLines).toHaveLength(22);
    expect(errorLines.slice(0, 20).every((line) => line.includes("kolom 'Grootte': 'reusachtig' staat niet in de keuzelijst"))).toBe(true);
    expect(errorLines[20]).toBe('  … en nog 10');
    expect(errorLines[21]).toMatch(/^fout: bestand overzicht-30-fout\.xlsx: 30 ongeldige wijziging\(en\)/);

    const valid = await OverviewEditor.open(readFileSync(join(scratch, 'na', 'overzicht.xlsx')));
    for (const row of rows) valid.setLocation(valid.rowOf(row['location_id']!), 'opmerking', `nagekeken ${row['location_id']}`);
    writeFileSync(join(scratch, 'overzicht-30.xlsx'), await valid.bytes());
    const dryRun = await runCli(['corrections', join(scratch, 'overzicht-30.xlsx'), '--year', '2024', '--dry-run', '--db', db]);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const lines = dryRun.stdout.split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[20]).toBe('  … en nog 10');
    expect(lines[21]).toBe('overzicht-30.xlsx: 30 wijziging(en) gevonden; niets overgenomen (--dry-run).');
  });

  it('takes names that only look like formulas as text, and refuses a control character or an over-long name with the reason', async () => {
    const names = ['@ease Utrecht', '+Plus Inloop', '-Herstelcafé-'];
    const targets = after.locations.slice(40, 43).map((row) => row['location_id']!);
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'na', 'overzicht.xlsx')));
    targets.forEach((id, index) => editor.setLocation(editor.rowOf(id), 'naam', names[index]!));
    // A column someone added: not read, so its personal data is not stored.
    const added = editor.locations.columnCount + 1;
    editor.locations.getCell(1, added).value = 'Contactpersoon';
    editor.locations.getCell(editor.rowOf(targets[0]!), added).value = 'Jan Jansen 06-12345678';
    writeFileSync(join(scratch, 'overzicht-namen.xlsx'), await editor.bytes());
    const taken = await runCli(['corrections', join(scratch, 'overzicht-namen.xlsx'), '--year', '2024', '--db', db]);
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    expect(taken.stdout).toContain('overzicht-namen.xlsx: 3 wijziging(en) overgenomen.');
    expect(taken.stdout).toContain("niet gelezen en niet bewaard: kolom 'Contactpersoon'");
    const leaked = await queryRows(db, "SELECT count(*) FROM correction WHERE concat_ws('|', old_value, new_value) LIKE '%Jansen%'");
    expect(Number(leaked[0]?.[0])).toBe(0);
    expect((await report('namen')).code).toBe(0);
    const written = readCsv(join(scratch, 'namen', 'locaties.csv'));
    // Neutralised where written (outputs/csv/csv.ts): a leading quote, so a spreadsheet shows text.
    targets.forEach((id, index) => expect(written.find((row) => row['location_id'] === id)?.['naam']).toBe(`'${names[index]}`));
    const reread = await runCli(['corrections', join(scratch, 'namen', 'overzicht.xlsx'), '--year', '2024', '--db', db]);
    expect(reread.stdout).toBe('overzicht.xlsx: geen wijzigingen ten opzichte van monitor 2024.');

    const hostile = await OverviewEditor.open(readFileSync(join(scratch, 'namen', 'overzicht.xlsx')));
    const [escaped, long] = after.locations.slice(50, 52).map((row) => hostile.rowOf(row['location_id']!));
    // U+202E shows the name reversed; exceljs drops C0 characters such as ESC when it writes, XML cannot hold them.
    hostile.setLocation(escaped!, 'naam', 'Inloop \u202egnirtS');
    hostile.setLocation(long!, 'naam', 'Inloop '.repeat(100));
    writeFileSync(join(scratch, 'overzicht-stuurtekens.xlsx'), await hostile.bytes());
    const refused = await runCli(['corrections', join(scratch, 'overzicht-stuurtekens.xlsx'), '--year', '2024', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Locaties, rij ${escaped}, kolom 'Naam': bevat een onzichtbaar stuurteken (U+202E)`);
    expect(refused.stderr).toContain(`Locaties, rij ${long}, kolom 'Naam': naam is langer dan 500 tekens`);
    expect(refused.stderr).toMatch(/fout: bestand overzicht-stuurtekens\.xlsx: 2 ongeldige wijziging\(en\); er is niets overgenomen/);
  });
});
