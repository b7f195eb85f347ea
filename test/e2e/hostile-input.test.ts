/**
 * Hostile input for `lsp-monitor import` (GitHub issue #7): every file of test/fixtures/bad/ and
 * the large ones generated from make-bad-files.ts. Each is either refused as a whole with one
 * Dutch message naming file (and row and field where there is one) — exit 1 or 2, no stack
 * trace, the database exactly as it was — or imported with per-row rejects, every other row in.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH } from '../../pipeline/config/config.ts';
import { restoreText } from '../../pipeline/workbook/safe-text.ts';
import { MAX_COMPRESSION_RATIO } from '../../sources/inventory/limits.ts';
import { readZipDirectory } from '../../sources/inventory/zip-directory.ts';
import {
  handWrittenXlsx,
  longFieldsCsv,
  lyingXlsx,
  overlongCellCsv,
  zipBombXlsx,
} from '../fixtures/bad/make-bad-files.ts';
import { runCli, scratchDir, type CliResult } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { databaseState, queryRows } from '../helpers/database-state.ts';

const YEAR = '2025';
const bad = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));
const MEBIBYTE = 1024 * 1024;

/** A database with one good import of source "lijst" and a build: what a hostile import must not touch. */
let baseline: string;

beforeAll(async () => {
  const dir = scratchDir();
  baseline = join(dir, 'basis.duckdb');
  const file = join(dir, 'lijst.csv');
  writeFileSync(file, 'naam,gemeente\nInloop Utrecht,Utrecht\nInloop Zeist,Zeist\n');
  expect((await runCli(['import', file, '--year', YEAR, '--db', baseline])).code).toBe(0);
  expect((await runCli(['build', '--year', YEAR, '--db', baseline])).code).toBe(0);
  expect(existsSync(`${baseline}.wal`)).toBe(false);
});

function copyOfBaseline(): string {
  const db = join(scratchDir(), 'monitor.duckdb');
  copyFileSync(baseline, db);
  return db;
}

function expectCleanFailure(result: CliResult, code: 1 | 2, message: string | RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr).not.toContain('interne fout');
  if (typeof message === 'string') expect(result.stderr).toBe(`fout: ${message}`);
  else expect(result.stderr).toMatch(message);
}

/** Imports `file` as source "lijst" (replacing the good import, were it to succeed) and expects a refusal. */
async function expectRefused(file: string, message: string | RegExp, extraArgs: string[] = [], code: 1 | 2 = 1): Promise<void> {
  const db = copyOfBaseline();
  const before = await databaseState(db);
  const result = await runCli(['import', file, '--year', YEAR, '--source', 'lijst', '--db', db, ...extraArgs]);
  expectCleanFailure(result, code, message);
  expect(await databaseState(db)).toEqual(before);
}

/** Imports, builds and reports `file` on a fresh database: for files whose bad rows are rejected one by one. */
async function importRowByRow(file: string) {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  const imported = await runCli(['import', file, '--year', YEAR, '--db', db]);
  const built = await runCli(['build', '--year', YEAR, '--db', db]);
  const reported = await runCli(['report', '--year', YEAR, '--out', join(scratch, 'out'), '--db', db]);
  expect([imported.code, built.code, reported.code]).toEqual([0, 0, 0]);
  expect(`${imported.stderr}${built.stderr}${reported.stderr}`).not.toContain('    at ');
  const locationsCsv = readFileSync(join(scratch, 'out/locaties.csv'), 'utf8');
  return {
    imported,
    db,
    locationsCsv,
    names: readCsv(join(scratch, 'out/locaties.csv')).map((location) => location['naam']),
    rejects: readCsv(join(scratch, 'out/afgewezen.csv')).map(({ rij, veld, reden }) => [rij, veld, reden]),
  };
}

function writeScratch(name: string, content: string | Uint8Array): string {
  const path = join(scratchDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('files refused as a whole: exit 1, named file, database unchanged', () => {
  it('an empty file', async () => {
    await expectRefused(bad('leeg.csv'), 'bestand leeg.csv: bestand is leeg');
  });

  it('a header without rows (it would otherwise replace the earlier import with nothing)', async () => {
    await expectRefused(
      bad('alleen-kopregel.csv'),
      'bestand alleen-kopregel.csv: het bestand heeft alleen een kopregel en geen rijen met steunpunten; er is niets ingelezen',
    );
  });

  it('binary garbage named .xlsx', async () => {
    await expectRefused(bad('rommel.xlsx'), 'bestand rommel.xlsx: geen geldig Excel-bestand (xlsx)');
  });

  it('binary garbage named .csv', async () => {
    await expectRefused(
      bad('rommel.csv'),
      'bestand rommel.csv: dit is geen tekstbestand: het bevat nul-bytes (binaire gegevens, of UTF-16 zonder BOM); sla het op als CSV UTF-8 of als .xlsx',
    );
  });

  it('an old .xls (or password-protected file) named .xlsx', async () => {
    await expectRefused(
      bad('oud-excel.xlsx'),
      'bestand oud-excel.xlsx: geen geldig Excel-bestand (xlsx): dit is een ouder Excel-bestand (.xls) of een bestand met een wachtwoord; sla het op als .xlsx zonder wachtwoord',
    );
  });

  it('a real xlsx named .csv', async () => {
    await expectRefused(
      writeScratch('lijst.csv', handWrittenXlsx(14)),
      'bestand lijst.csv: dit is geen tekstbestand maar een zip-bestand (misschien een xlsx-bestand met de verkeerde extensie; noem het dan .xlsx)',
    );
  });

  it('an unclosed quote, naming its row', async () => {
    await expectRefused(
      bad('ongesloten-aanhalingsteken.csv'),
      'bestand ongesloten-aanhalingsteken.csv, rij 3: ongesloten aanhalingsteken: een veld begint met " maar wordt niet afgesloten',
    );
  });

  it('mixed encodings: UTF-8 with a Windows-1252 byte, naming the row (records, not lines) and field', async () => {
    await expectRefused(
      bad('gemengde-codering.csv'),
      "bestand gemengde-codering.csv, rij 4, veld 'opmerking': gemengde tekencodering: het bestand is UTF-8, maar hier staat " +
        "een teken in een andere codering (byte 0xE9, in Windows-1252 'é'); sla het bestand opnieuw op als CSV UTF-8",
    );
  });

  it('duplicate headers: two synonyms, or the same unknown header twice', async () => {
    await expectRefused(bad('dubbele-kolom.csv'), "bestand dubbele-kolom.csv: dubbele kolom: 'naam' en 'Locatienaam' betekenen allebei 'naam'");
    await expectRefused(bad('dubbele-kolom-bron.csv'), "bestand dubbele-kolom-bron.csv: dubbele kolom: 'Bron' komt meer dan één keer voor");
  });

  it('a control character in a header', async () => {
    await expectRefused(
      writeScratch('kop.csv', 'naam\u001b[2J,gemeente\nInloop Utrecht,Utrecht\n'),
      "bestand kop.csv, rij 1: kolomnaam 'naam[U+001B][2J' bevat een stuurteken; haal het weg",
    );
  });

  it('a cell longer than Excel allows, naming row and field', async () => {
    await expectRefused(
      writeScratch('lange-cel.csv', overlongCellCsv()),
      "bestand lange-cel.csv, rij 3, veld 'gemeente': cel is 40.000 tekens lang; de grens is 32.767 (het maximum van Excel)",
    );
  });

  it('more rows than any inventory has', async () => {
    const rows = Array.from({ length: 100_001 }, (_, index) => `Inloop ${index},Utrecht`);
    await expectRefused(
      writeScratch('te-veel-rijen.csv', `naam,gemeente\n${rows.join('\n')}\n`),
      'bestand te-veel-rijen.csv: het bestand heeft 100.001 rijen onder de kopregel; de grens is 100.000 (is dit de goede lijst?)',
    );
  });

  it('an xlsx over the configured maxInputBytes', async () => {
    const dir = scratchDir();
    const config = join(dir, 'klein.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')), maxInputBytes: 4096 }));
    const file = join(dir, 'te-groot.xlsx');
    copyFileSync(fileURLToPath(new URL('../fixtures/inventory/locaties.xlsx', import.meta.url)), file);
    await expectRefused(file, `bestand te-groot.xlsx: bestand is te groot (${statSync(file).size} bytes; de grens is 4096 bytes)`, [
      '--config',
      config,
    ]);
  });

  it('more rows than the configured maxInputRows, and an xlsx over the configured maxUnpackedBytes', async () => {
    const dir = scratchDir();
    const config = join(dir, 'streng.config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')), maxInputRows: 2, maxUnpackedBytes: 4096 }));
    await expectRefused(
      writeScratch('drie-rijen.csv', 'naam,gemeente\nInloop A,Utrecht\nInloop B,Utrecht\nInloop C,Utrecht\n'),
      'bestand drie-rijen.csv: het bestand heeft 3 rijen onder de kopregel; de grens is 2 (is dit de goede lijst?)',
      ['--config', config],
    );
    const file = join(dir, 'uitgepakt-te-groot.xlsx');
    copyFileSync(fileURLToPath(new URL('../fixtures/inventory/locaties.xlsx', import.meta.url)), file);
    const directory = readZipDirectory(readFileSync(file));
    const unpacked = directory.ok ? directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) : Number.NaN;
    await expectRefused(
      file,
      `bestand uitgepakt-te-groot.xlsx: het xlsx-bestand pakt uit tot ${unpacked} bytes; de grens is 4096 bytes (mogelijk een zip-bom); het bestand wordt niet gelezen`,
      ['--config', config],
    );
  });

  it('a zip bomb: an xlsx of 1 MiB whose sheet inflates to 1 GiB, refused before anything is inflated', async () => {
    const file = writeScratch('zip-bom.xlsx', zipBombXlsx(1024 * MEBIBYTE));
    expect(statSync(file).size).toBeLessThan(2 * MEBIBYTE);
    await expectRefused(
      file,
      'bestand zip-bom.xlsx: het xlsx-bestand pakt uit tot 1 GiB; de grens is 50 MiB (mogelijk een zip-bom); het bestand wordt niet gelezen',
    );
  });

  it('a zip bomb below the total limit but compressed far beyond any spreadsheet', async () => {
    await expectRefused(
      writeScratch('zip-bom-verhouding.xlsx', zipBombXlsx(20 * MEBIBYTE)),
      new RegExp(
        "^fout: bestand zip-bom-verhouding\\.xlsx: onderdeel 'xl/worksheets/sheet1\\.xml' pakt uit tot 20 MiB, [\\d.]+ keer zijn " +
          `gecomprimeerde grootte; de grens is ${MAX_COMPRESSION_RATIO} keer \\(mogelijk een zip-bom\\); het bestand wordt niet gelezen$`,
      ),
    );
  });

  it('an xlsx whose zip directory lies about the unpacked size', async () => {
    await expectRefused(
      writeScratch('zip-liegt.xlsx', lyingXlsx(5 * MEBIBYTE, 500_000)),
      "bestand zip-liegt.xlsx: onderdeel 'xl/worksheets/sheet1.xml' pakt uit tot een andere grootte dan de 500000 bytes " +
        'die het zip-bestand opgeeft (beschadigd of gemanipuleerd); het bestand wordt niet gelezen',
    );
  });

  it('the same hand-written xlsx is read when it is small: the bombs are refused for their size only', async () => {
    const { imported, names } = await importRowByRow(writeScratch('klein.xlsx', handWrittenXlsx(14)));
    expect(imported.stdout).toContain('1 rijen ingelezen, 0 afgewezen');
    expect(names).toEqual(['a'.repeat(14)]);
  });
});

describe('wrong usage: exit 2, database unchanged', () => {
  it.each([
    [['--year', '1899'], "'1899' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['--year', '2025; DROP TABLE location'], "'2025; DROP TABLE location' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['--year', YEAR, '--source', '../x'], "bronnaam '../x' mag alleen kleine letters, cijfers en '-' bevatten"],
  ])('import %j', async (args, message) => {
    const db = copyOfBaseline();
    const before = await databaseState(db);
    const result = await runCli(['import', bad('postcode-fout.csv'), ...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`fout: ${message}`);
    expect(result.stderr).not.toContain('    at ');
    expect(await databaseState(db)).toEqual(before);
  });

  it('fetch --source ../x is refused and creates nothing outside the archive', async () => {
    const dir = scratchDir();
    const result = await runCli(['fetch', '--source', '../x', '--archive', join(dir, 'archief')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fout: .*'\.\.\/x'/);
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

describe('paths are the operator’s; names derived from them are safe', () => {
  it('imports a legitimate file through a path with .., naming source and file by the basename only', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'sub'));
    const name = "O'Brien; DROP TABLE location; --.csv";
    writeFileSync(join(dir, name), 'naam,gemeente\nInloop Utrecht,Utrecht\nInloop Zeist,Atlantis\n');
    const db = join(dir, 'monitor.duckdb');
    const result = await runCli(['import', `${dir}/sub/../${name}`, '--year', YEAR, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${name} (bron o-brien-drop-table-location, ${YEAR}): 1 rijen ingelezen, 1 afgewezen.`);
    expect((await runCli(['build', '--year', YEAR, '--db', db])).code).toBe(0);
    const out = join(dir, 'out');
    expect((await runCli(['report', '--year', YEAR, '--out', out, '--db', db])).code).toBe(0);
    expect(readCsv(join(out, 'afgewezen.csv'))).toEqual([
      {
        bron: 'o-brien-drop-table-location',
        bestand: name,
        rij: '3',
        veld: 'gemeente',
        reden: "gemeente 'Atlantis' niet gevonden; ook geen IZA-regio opgegeven",
      },
    ]);
    expect(readCsv(join(out, 'locaties.csv'))[0]?.['bronnen']).toBe('o-brien-drop-table-location:2');
  });

  it('a sheet name with ../ is only a name to look up', async () => {
    await expectRefused(
      fileURLToPath(new URL('../fixtures/inventory/locaties.xlsx', import.meta.url)),
      "bestand locaties.xlsx: werkblad '../../etc' niet gevonden (werkbladen: Toelichting, Locaties)",
      ['--sheet', '../../etc'],
    );
  });
});

describe('rows rejected one by one: exit 0, every other row imported', () => {
  it('10,000-character fields, each rejected with its field named', async () => {
    const { imported, names, rejects } = await importRowByRow(writeScratch('lange-velden.csv', longFieldsCsv()));
    expect(imported.stdout).toBe(`lange-velden.csv (bron lange-velden, ${YEAR}): 1 rijen ingelezen, 5 afgewezen.`);
    expect(names).toEqual(['Inloop Utrecht']);
    expect(rejects).toEqual([
      ['2', 'naam', 'naam is langer dan 500 tekens'],
      ['3', 'gemeente', 'tekst is langer dan 500 tekens'],
      ['4', 'postcode', `'${'1'.repeat(40)}…' is geen Nederlandse postcode (verwacht: 1234 AB)`],
      ['5', 'opmerking', 'tekst is langer dan 2000 tekens'],
      ['6', 'Bron', 'tekst is langer dan 2000 tekens'],
    ]);
  });

  it('postcodes of the wrong shape, word for word', async () => {
    const { imported, names, rejects } = await importRowByRow(bad('postcode-fout.csv'));
    expect(imported.stdout).toBe(`postcode-fout.csv (bron postcode-fout, ${YEAR}): 1 rijen ingelezen, 3 afgewezen.`);
    expect(names).toEqual(['Inloop Neude']);
    expect(rejects).toEqual([
      ['2', 'postcode', "'12345' is geen Nederlandse postcode (verwacht: 1234 AB)"],
      ['3', 'postcode', "'1234 ABC' is geen Nederlandse postcode (verwacht: 1234 AB)"],
      ['4', 'postcode', "'0123 AB' is geen Nederlandse postcode (verwacht: 1234 AB)"],
    ]);
  });

  it('formula-looking text is data: imported verbatim and in view, neutralised only in locaties.csv', async () => {
    const { imported, db, rejects, locationsCsv } = await importRowByRow(bad('formules.csv'));
    expect(imported.stdout).toBe(`formules.csv (bron formules, ${YEAR}): 8 rijen ingelezen, 1 afgewezen.`);
    // Only the municipality that is a formula cannot be found: a reason about the place, not the text.
    expect(rejects).toEqual([['10', 'gemeente', `gemeente '=HYPERLINK("http://x")' niet gevonden; ook geen IZA-regio opgegeven`]]);
    const names = [
      '=HYPERLINK("http://x","klik")',
      "+cmd|' /C calc'!A0",
      '@SUM(1)',
      '-2+3',
      "-cmd|' /C calc'!A0",
      '-Inloop-',
      '- Huiskamer Houten',
      'Inloop Zeist',
    ];
    expect(await queryRows(db, 'SELECT name FROM inventory_record ORDER BY row_number')).toEqual(names.map((name) => [name]));
    expect(await queryRows(db, "SELECT note FROM inventory_record WHERE name = 'Inloop Zeist'")).toEqual([['=1+1']]);
    const written = readCsv(join(dirname(db), 'out/locaties.csv'));
    expect(written.map((row) => restoreText(row['naam']!)).sort()).toEqual([...names].sort());
    for (const row of written) expect(row['naam']).not.toMatch(/^[=+\-@\t\r]/);
    expect(locationsCsv).toContain(`,"'=HYPERLINK(""http://x"",""klik"")",`);
    expect(locationsCsv).toContain(`,"'-Inloop-",`);
    expect(locationsCsv).toContain(`,"'=1+1"\n`);
  });

  it('control characters (terminal escapes, bidi overrides) are rejected per row and never printed', async () => {
    const { imported, names, rejects } = await importRowByRow(bad('stuurtekens.csv'));
    expect(imported.stdout).toBe(`stuurtekens.csv (bron stuurtekens, ${YEAR}): 1 rijen ingelezen, 2 afgewezen.`);
    expect(imported.stderr).not.toMatch(/[\u001b\u202e]/u);
    expect(names).toEqual(['Inloop Houten']);
    expect(rejects).toEqual([
      ['2', 'naam', 'bevat een onzichtbaar stuurteken (U+001B)'],
      ['3', 'naam', 'bevat een onzichtbaar stuurteken (U+202E)'],
    ]);
  });

  it('columns about people (contact person, e-mail, phone) are not stored; other unknown columns are', async () => {
    const file = writeScratch(
      'met-contact.csv',
      'naam,gemeente,Contactpersoon,E-mailadres,Telefoon nr.,Bron\nInloop Utrecht,Utrecht,Anna de Vries,anna@example.nl,06-12345678,Bijlage 1\n',
    );
    const { imported, db } = await importRowByRow(file);
    expect(imported.stdout).toBe(
      `met-contact.csv (bron met-contact, ${YEAR}): 1 rijen ingelezen, 0 afgewezen.\n` +
        "  niet bewaard (persoonsgegevens): kolom 'Contactpersoon', 'E-mailadres', 'Telefoon nr.'",
    );
    expect(await queryRows(db, 'SELECT extra::VARCHAR FROM inventory_record')).toEqual([['{"Bron":"Bijlage 1"}']]);
    const everything = JSON.stringify(await queryRows(db, 'SELECT * FROM inventory_record'));
    for (const personal of ['Anna', 'anna@example.nl', '06-12345678']) expect(everything).not.toContain(personal);
  });

  it('SQL metacharacters import fine and come out byte for byte (values are bound parameters)', async () => {
    const expected = [
      "O'Brien",
      "'; DROP TABLE locations; --",
      "'; DROP TABLE location; --",
      'Robert"); DROP TABLE inventory_record; --',
      'Inloop $1 ? \\ %_ "quote" /* */',
    ];
    const { imported, names, rejects, locationsCsv, db } = await importRowByRow(bad('sql-tekens.csv'));
    expect(imported.stdout).toBe(`sql-tekens.csv (bron sql-tekens, ${YEAR}): 5 rijen ingelezen, 0 afgewezen.`);
    expect(rejects).toEqual([]);
    expect([...names].sort()).toEqual([...expected].sort());
    for (const name of expected) {
      const field = /[",\n\r]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
      expect(locationsCsv).toContain(`,${field},`);
    }
    const tables = Object.keys(await databaseState(db));
    expect(tables).toEqual(expect.arrayContaining(['location', 'inventory_record', 'reject', 'import_batch']));
  });
});
