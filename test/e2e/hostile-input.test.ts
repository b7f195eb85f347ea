/**
 * Hostile input for `lsp-monitor import` (GitHub issue #7): every file of test/fixtures/bad/ and
 * the large ones generated from make-bad-files.ts. Each is either refused as a whole with one
 * Dutch message naming file (and row and field where there is one) — exit 1 or 2, no stack
 * trace, the database exactly as it was — or imported with per-row rejects, every other row in.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH } from '../../pipeline/config/config.ts';
import { LOCATION_COLUMNS } from '../../pipeline/workbook/layout.ts';
import { restoreText, safeText } from '../../sources/safe-text.ts';
import { MAX_COMPRESSION_RATIO } from '../../sources/inventory/limits.ts';
import { readZipDirectory } from '../../sources/inventory/zip-directory.ts';
import {
  handWrittenXlsx,
  HOSTILE,
  longFieldsCsv,
  lyingXlsx,
  overlongCellCsv,
  zipBombXlsx,
} from '../fixtures/bad/make-bad-files.ts';
import { runCli, scratchDir, type CliResult } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { writeReportTables } from '../helpers/report-tables.ts';
import { queryRows, snapshotOf, stateComparedTo, withQueries, type DatabaseSnapshot, type DatabaseState } from '../helpers/database-state.ts';
import { OverviewEditor } from '../pipeline/workbook/edit-overview.ts';

const YEAR = '2025';
const bad = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));
const MEBIBYTE = 1024 * 1024;

/** A database with one good import of source "lijst" and a build: what a hostile import must not touch. */
let baseline: string;
/** Its bytes and contents (databaseState), which every byte-for-byte copy of it starts with. */
let baselineSnapshot: DatabaseSnapshot;

beforeAll(async () => {
  const dir = scratchDir();
  baseline = await freshDatabase(dir, 'basis.duckdb');
  const file = join(dir, 'lijst.csv');
  writeFileSync(file, 'naam,gemeente\nInloop Utrecht,Utrecht\nInloop Zeist,Zeist\n');
  expect((await runCli(['import', file, '--year', YEAR, '--db', baseline])).code).toBe(0);
  expect((await runCli(['build', '--year', YEAR, '--db', baseline])).code).toBe(0);
  expect(existsSync(`${baseline}.wal`)).toBe(false);
  baselineSnapshot = await snapshotOf(baseline);
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
  const result = await runCli(['import', file, '--year', YEAR, '--source', 'lijst', '--db', db, ...extraArgs]);
  expectCleanFailure(result, code, message);
  expect(await stateComparedTo(db, baselineSnapshot)).toEqual(baselineSnapshot.state);
}

/**
 * Imports and builds `file` on a fresh database, and writes the report's tables (report-tables.ts;
 * these tests read no figure or text): for files whose bad rows are rejected one by one.
 */
async function importRowByRow(file: string) {
  const scratch = scratchDir();
  const db = await freshDatabase(scratch);
  const imported = await runCli(['import', file, '--year', YEAR, '--db', db]);
  const built = await runCli(['build', '--year', YEAR, '--db', db]);
  expect([imported.code, built.code]).toEqual([0, 0]);
  expect(`${imported.stderr}${built.stderr}`).not.toContain('    at ');
  await writeReportTables(db, Number(YEAR), join(scratch, 'out'));
  const locationsCsv = readFileSync(join(scratch, 'out/locaties.csv'), 'utf8');
  const locations = readCsv(join(scratch, 'out/locaties.csv'));
  return {
    imported,
    db,
    locationsCsv,
    /** The data-quality signals per name: where a field left empty says why. */
    signals: Object.fromEntries(locations.map((location) => [location['naam'], location['signalen']])),
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
    [['--year', '1899'], "optie --year: '1899' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['--year', '2025; DROP TABLE location'], "optie --year: '2025; DROP TABLE location' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['--year', YEAR, '--source', '../x'], "bronnaam '../x' mag alleen kleine letters, cijfers en '-' bevatten"],
  ])('import %j', async (args, message) => {
    const db = copyOfBaseline();
    const result = await runCli(['import', bad('postcode-fout.csv'), ...args, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`fout: ${message}`);
    expect(result.stderr).not.toContain('    at ');
    expect(await stateComparedTo(db, baselineSnapshot)).toEqual(baselineSnapshot.state);
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
    const db = await freshDatabase(dir);
    const result = await runCli(['import', `${dir}/sub/../${name}`, '--year', YEAR, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${name} (bron o-brien-drop-table-location, ${YEAR}): 1 rijen ingelezen, 1 afgewezen.`);
    expect((await runCli(['build', '--year', YEAR, '--db', db])).code).toBe(0);
    const out = join(dir, 'out');
    await writeReportTables(db, Number(YEAR), out);
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
  /** The 10,000-character fields, imported, built and reported once for the two tests that read them. */
  let longFields: ReturnType<typeof importRowByRow> | undefined;
  const importLongFields = () => (longFields ??= importRowByRow(writeScratch('lange-velden.csv', longFieldsCsv())));

  it('10,000-character fields: a name or an unresolvable row rejected, another field left empty with the reason', async () => {
    const { imported, names, rejects, signals } = await importLongFields();
    expect(imported.stdout).toBe(
      [
        `lange-velden.csv (bron lange-velden, ${YEAR}): 4 rijen ingelezen, 2 afgewezen.`,
        "  niet gelezen en niet bewaard: kolom 'Bron'",
        `  let op: rij 4, veld 'postcode': postcode leeg gelaten: '${'1'.repeat(40)}…' is geen Nederlandse postcode (verwacht: 1234 AB); het steunpunt telt mee`,
        "  let op: rij 5, veld 'opmerking': opmerking leeg gelaten: tekst is langer dan 2000 tekens; het steunpunt telt mee",
      ].join('\n'),
    );
    expect([...names].sort()).toEqual(['Inloop Houten', 'Inloop IJsselstein', 'Inloop Nieuwegein', 'Inloop Utrecht']);
    expect(rejects[0]).toEqual(['2', 'naam', 'naam is langer dan 500 tekens']);
    expect(rejects[1]?.slice(0, 2)).toEqual(['3', 'gemeente']);
    expect(signals['Inloop Houten']).toBe(`grootte onbekend; postcode leeg gelaten: '${'1'.repeat(40)}…' is geen Nederlandse postcode (verwacht: 1234 AB)`);
    expect(signals['Inloop Nieuwegein']).toBe('grootte onbekend; opmerking leeg gelaten: tekst is langer dan 2000 tekens');
  });

  it('a rejected row whose municipality was too long says so', async () => {
    const { rejects } = await importLongFields();
    expect(rejects[1]).toEqual(['3', 'gemeente', 'tekst is langer dan 500 tekens']);
  });

  it('postcodes of the wrong shape, word for word: the row is kept, the postcode left empty with the reason', async () => {
    const { imported, names, rejects, signals } = await importRowByRow(bad('postcode-fout.csv'));
    expect(imported.stdout).toBe(
      [
        `postcode-fout.csv (bron postcode-fout, ${YEAR}): 4 rijen ingelezen, 0 afgewezen.`,
        ...[[2, '12345'], [3, '1234 ABC'], [4, '0123 AB']].map(
          ([row, written]) => `  let op: rij ${row}, veld 'postcode': postcode leeg gelaten: '${written}' is geen Nederlandse postcode (verwacht: 1234 AB); het steunpunt telt mee`,
        ),
      ].join('\n'),
    );
    expect([...names].sort()).toEqual(['Inloop Dom', 'Inloop Lombok', 'Inloop Neude', 'Inloop Oudegracht']);
    expect(rejects).toEqual([]);
    expect(signals).toEqual({
      'Inloop Dom': "grootte onbekend; postcode leeg gelaten: '12345' is geen Nederlandse postcode (verwacht: 1234 AB)",
      'Inloop Oudegracht': "grootte onbekend; postcode leeg gelaten: '1234 ABC' is geen Nederlandse postcode (verwacht: 1234 AB)",
      'Inloop Lombok': "grootte onbekend; postcode leeg gelaten: '0123 AB' is geen Nederlandse postcode (verwacht: 1234 AB)",
      'Inloop Neude': 'grootte onbekend',
    });
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

  it('columns about people (contact person, e-mail, phone) are not stored, nor any other unknown column', async () => {
    const file = writeScratch(
      'met-contact.csv',
      'naam,gemeente,Contactpersoon,E-mailadres,Telefoon nr.,Bron\nInloop Utrecht,Utrecht,Anna de Vries,anna@example.nl,06-12345678,Bijlage 1\n',
    );
    const { imported, db } = await importRowByRow(file);
    expect(imported.stdout).toBe(
      `met-contact.csv (bron met-contact, ${YEAR}): 1 rijen ingelezen, 0 afgewezen.\n` +
        "  niet gelezen en niet bewaard: kolom 'Contactpersoon', 'E-mailadres', 'Telefoon nr.', 'Bron'",
    );
    expect(await queryRows(db, 'SELECT extra::VARCHAR FROM inventory_record')).toEqual([[null]]);
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
    const tables = (await queryRows(db, "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE'")).map(([table]) => table);
    expect(tables).toEqual(expect.arrayContaining(['location', 'inventory_record', 'reject', 'import_batch']));
  });
});

/**
 * GitHub issue #11: every intake gets the same hostile cells (test/fixtures/bad/vijandig-*,
 * written by make-bad-files.ts). Formula-looking text is data: stored verbatim, in view, written
 * neutralised in CSV (a leading quote) and as a string cell in the workbook. Control characters
 * are refused with the reason (the guard's policy, sources/guard.ts). Overlong text is refused
 * with a reason. Nothing of a refused cell is stored or written anywhere.
 */
describe('every intake gets the same hostile cells (issue #11)', () => {
  const HYPERLINK = HOSTILE.hyperlink;
  const CSV_HYPERLINK = `"'=HYPERLINK(""http://x"",""klik"")"`;
  /** A database with the hostile inventory (UTF-8 and Windows-1252) imported and built for 2025. */
  let base: string;
  let inventoryImport: CliResult;
  let inventory1252Import: CliResult;
  let baseOut: ReturnType<typeof readOutput>;

  function readOutput(out: string) {
    return {
      out,
      locationsCsv: readFileSync(join(out, 'locaties.csv'), 'utf8'),
      locations: readCsv(join(out, 'locaties.csv')),
      rejects: readCsv(join(out, 'afgewezen.csv')),
    };
  }

  async function buildAndReport(db: string) {
    const out = join(scratchDir(), 'out');
    const reported = await runCli(['report', '--year', YEAR, '--out', out, '--db', db]);
    expect(reported.stderr).not.toContain('    at ');
    expect(reported.code).toBe(0);
    return readOutput(out);
  }

  /** The report's tables only (report-tables.ts), for the intakes whose tests read no figure, text or workbook. */
  async function reportTables(db: string) {
    const out = join(scratchDir(), 'out');
    await writeReportTables(db, Number(YEAR), out);
    return readOutput(out);
  }

  function copyOf(db: string): string {
    const copy = join(scratchDir(), 'monitor.duckdb');
    copyFileSync(db, copy);
    return copy;
  }

  /** Every value of every table, as one text: what must not hold a refused cell. */
  async function everythingStored(db: string): Promise<string> {
    return withQueries(db, async (query) => {
      const tables = await query("SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'ref_%'");
      const parts: string[] = [];
      // Table names come from the database itself, never from input.
      for (const [table] of tables) parts.push(JSON.stringify(await query(`SELECT * FROM "${String(table)}"`)));
      return parts.join('\n');
    });
  }

  function expectNothingRefusedIn(text: string): void {
    expect(text).not.toMatch(/[\u001b\u009b\u202e]/u);
    expect(text).not.toContain('x'.repeat(2_001));
  }

  /** Names as written in locaties.csv, back to their originals (reports/README.md). */
  const restoredNames = (locations: Record<string, string>[]) => locations.map((row) => restoreText(row['naam']!));

  beforeAll(async () => {
    base = await freshDatabase(scratchDir(), 'basis.duckdb');
    inventoryImport = await runCli(['import', bad('vijandig-inventaris.csv'), '--year', YEAR, '--db', base]);
    inventory1252Import = await runCli(['import', bad('vijandig-inventaris-1252.csv'), '--year', YEAR, '--db', base]);
    expect((await runCli(['build', '--year', YEAR, '--db', base])).code).toBe(0);
    baseOut = await buildAndReport(base);
  });

  describe('an inventory', () => {
    it('stores formula-looking and SQL names verbatim and counts them in view', async () => {
      expect(inventoryImport.code).toBe(0);
      expect(inventory1252Import.code).toBe(0);
      const stored = await queryRows(base, 'SELECT name FROM inventory_record ORDER BY source, row_number');
      // Rows 8 and 10 (overlong) are left to the next test: kept with a signal or refused whole.
      expect(stored.map(([name]) => name).filter((name) => name !== 'Inloop Lang' && name !== 'Inloop Breed')).toEqual([
        HYPERLINK,
        HOSTILE.sum,
        HOSTILE.plus,
        HOSTILE.ease,
        HOSTILE.sql,
        'Herstelcafé IJsselstein',
        '-Herstelcafé-',
        '+Plus Inloop Zeist',
        '@ease Utrecht',
      ]);
      const inView = baseOut.locations.filter((row) => row['status'] === 'actief');
      expect(restoredNames(inView)).toEqual(
        expect.arrayContaining([HYPERLINK, HOSTILE.sum, HOSTILE.plus, HOSTILE.ease, HOSTILE.sql, '-Herstelcafé-', '+Plus Inloop Zeist']),
      );
    });

    it('writes them neutralised in locaties.csv (a leading quote, quoted), and the note too', () => {
      expect(baseOut.locationsCsv).toContain(`,${CSV_HYPERLINK},`);
      expect(baseOut.locationsCsv).toContain(`,"'@SUM(1+1)",`);
      expect(baseOut.locationsCsv).toContain(`,"'+Plus Inloop",`);
      expect(baseOut.locationsCsv).toContain(`,"'@ease Utrecht",`);
      expect(baseOut.locationsCsv).toContain(`,"'-Herstelcafé-",`);
      expect(baseOut.locationsCsv).toContain(`,"'=1+1"`);
      for (const row of baseOut.locations) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]|^-[^\d]/u);
    });

    it('refuses control characters with the reason, naming row and field, and stores or prints none of them', async () => {
      const printed = `${inventoryImport.stdout}\n${inventoryImport.stderr}`;
      expect(printed).toContain("rij 6, veld 'Naam': bevat een onzichtbaar stuurteken (U+001B)");
      expect(printed).toContain("rij 7, veld 'Naam': bevat een onzichtbaar stuurteken (U+202E)");
      expect(baseOut.rejects).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rij: '6', veld: 'Naam', reden: 'bevat een onzichtbaar stuurteken (U+001B)' }),
          expect.objectContaining({ rij: '7', veld: 'Naam', reden: 'bevat een onzichtbaar stuurteken (U+202E)' }),
        ]),
      );
      expectNothingRefusedIn(`${inventoryImport.stdout}${inventoryImport.stderr}`);
      expectNothingRefusedIn(await everythingStored(base));
      for (const name of ['locaties.csv', 'afgewezen.csv', 'monitor.md', 'monitor.html']) expectNothingRefusedIn(readFileSync(join(baseOut.out, name), 'utf8'));
    });

    it('refuses the 20,000-character note with a reason for its row', () => {
      const rejected = baseOut.rejects.find((row) => row['rij'] === '8' && row['bestand'] === 'vijandig-inventaris.csv');
      const kept = baseOut.locations.find((row) => row['naam'] === 'Inloop Lang');
      // Either the row is rejected, or it is kept with the note left out and a signal saying why.
      const reason = rejected?.['reden'] ?? kept?.['signalen'] ?? '';
      expect(reason).toMatch(/langer dan 2000 tekens|^rij is [\d.]+ tekens lang; de grens is 16\.000 per rij$/);
    });

    // Needs the inventory reader (helper H8) to call guardRow from sources/guard.ts on each row.
    it('refuses a 20,000-character row with the guard’s reason (H8: inventory reader)', () => {
      expect(baseOut.rejects).toEqual(
        expect.arrayContaining([expect.objectContaining({ rij: '10', reden: 'rij is 20.023 tekens lang; de grens is 16.000 per rij' })]),
      );
      expect(baseOut.locations.map((row) => row['naam'])).not.toContain('Inloop Breed');
    });

    it('reads its own locaties.csv and overzicht.xlsx back to the names as they were (the quote taken off)', async () => {
      for (const file of ['locaties.csv', 'overzicht.xlsx']) {
        const db = await freshDatabase(scratchDir());
        const result = await runCli(['import', join(baseOut.out, file), '--year', '2026', '--db', db]);
        expect(result.code, `${file}: ${result.stderr}`).toBe(0);
        const names = (await queryRows(db, 'SELECT name FROM inventory_record')).map(([name]) => name);
        expect(names, file).toEqual(expect.arrayContaining([HYPERLINK, HOSTILE.sum, HOSTILE.plus, HOSTILE.ease, HOSTILE.sql, '-Herstelcafé-', '+Plus Inloop Zeist']));
        expect(names.filter((name) => String(name).startsWith("'") && name !== HOSTILE.sql), file).toEqual([]);
      }
    });

    it('writes every name to the workbook as a string cell, never a formula', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(join(baseOut.out, 'overzicht.xlsx')).buffer as ArrayBuffer);
      const sheet = workbook.getWorksheet('Locaties')!;
      const nameColumn = (sheet.getRow(1).values as unknown[]).indexOf(LOCATION_COLUMNS.find((column) => column.header === 'naam')!.label);
      const names: unknown[] = [];
      sheet.eachRow((row, number) => {
        if (number > 1 && row.getCell(nameColumn).value !== null) names.push(row.getCell(nameColumn).value);
      });
      for (const name of [HYPERLINK, HOSTILE.sum, HOSTILE.plus, HOSTILE.ease, '-Herstelcafé-']) expect(names).toContain(safeText(name));
      for (const sheetOf of workbook.worksheets) {
        sheetOf.eachRow((row) =>
          row.eachCell((cell) => {
            const { value } = cell;
            if (typeof value === 'object' && value !== null && 'formula' in value) expect(value.formula).not.toMatch(/HYPERLINK|SUM\(1\+1\)/u);
            if (typeof value === 'string') expect(value).not.toMatch(/^[=+@\t\r]/u);
          }),
        );
      }
    });
  });

  describe('a regional-corrections CSV', () => {
    let db: string;
    let imported: CliResult;
    let imported1252: CliResult;
    let output: ReturnType<typeof readOutput>;

    beforeAll(async () => {
      db = copyOf(base);
      imported = await runCli(['import', bad('vijandig-regiocorrecties.csv'), '--year', YEAR, '--source', 'regional-corrections', '--db', db]);
      imported1252 = await runCli(['import', bad('vijandig-regiocorrecties-1252.csv'), '--year', YEAR, '--source', 'regional-corrections', '--db', db]);
      output = await reportTables(db);
    });

    it('adds the steunpunten whose names look like formulas, verbatim, in view, neutralised in locaties.csv', () => {
      expect([imported.code, imported1252.code]).toEqual([0, 0]);
      const amersfoort = output.locations.filter((row) => row['gemeente'] === 'Amersfoort' || row['gemeente'] === 'Leusden');
      expect(restoredNames(amersfoort).sort()).toEqual(
        expect.arrayContaining([HYPERLINK, HOSTILE.sum, HOSTILE.plus, '@ease Amersfoort', '-Herstelcafé-'].sort()),
      );
      for (const row of amersfoort) expect(row['status']).toBe('actief');
      expect(output.locationsCsv).toContain(`,${CSV_HYPERLINK},`);
      expect(output.locations.find((row) => row['naam'] === "'+Plus Inloop" && row['gemeente'] === 'Amersfoort')?.['opmerking']).toBe(HOSTILE.sql);
    });

    it('refuses control characters and the 20,000-character note with the reason, storing none of them', async () => {
      expect(`${imported.stdout}\n${imported.stderr}`).toContain("rij 6, veld 'Naam': bevat een onzichtbaar stuurteken (U+001B)");
      expect(`${imported.stdout}\n${imported.stderr}`).toContain("rij 7, veld 'Opmerking': bevat een onzichtbaar stuurteken (U+202E)");
      // The field's bound, or the guard's bound on the whole row where the intake checks rows first.
      expect(`${imported.stdout}\n${imported.stderr}`).toMatch(/rij 8, veld 'Opmerking': (tekst is langer dan 2000 tekens|rij is [\d.]+ tekens lang; de grens is 16\.000 per rij)(\n|$)/);
      expectNothingRefusedIn(`${imported.stdout}${imported.stderr}`);
      expectNothingRefusedIn(await everythingStored(db));
      expectNothingRefusedIn(output.locationsCsv);
    });
  });

  describe('a survey', () => {
    let db: string;
    let imported: CliResult;

    beforeAll(async () => {
      db = copyOf(base);
      imported = await runCli(['import', bad('vijandig-zelfevaluatie.csv'), '--year', YEAR, '--source', 'survey', '--db', db]);
    });

    it('links the answers of steunpunten whose names look like formulas, stored verbatim', async () => {
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('vijandig-zelfevaluatie.csv (bron survey, 2025): 50 antwoorden van 5 steunpunten ingelezen, 3 afgewezen.');
      const linked = await queryRows(db, 'SELECT DISTINCT name FROM survey_answer WHERE location_id IS NOT NULL ORDER BY name');
      expect(linked.map(([name]) => name).sort()).toEqual(
        expect.arrayContaining([HYPERLINK, HOSTILE.sum, HOSTILE.plus, HOSTILE.ease, HOSTILE.sql].sort()),
      );
    });

    it('reads a Windows-1252 survey and links "-Herstelcafé-"', async () => {
      const other = copyOf(base);
      const result = await runCli(['import', bad('vijandig-zelfevaluatie-1252.csv'), '--year', YEAR, '--source', 'survey', '--db', other]);
      expect(result.code).toBe(0);
      expect(await queryRows(other, "SELECT count(*)::INTEGER FROM survey_answer WHERE name = '-Herstelcafé-' AND location_id IS NOT NULL")).toEqual([[10]]);
    });

    it('refuses control characters and the 20,000-character name with the reason, storing none of them', async () => {
      expect(`${imported.stdout}\n${imported.stderr}`).toContain("rij 6, veld 'naam': bevat een onzichtbaar stuurteken (U+001B)");
      expect(`${imported.stdout}\n${imported.stderr}`).toContain("rij 7, veld 'naam': bevat een onzichtbaar stuurteken (U+202E)");
      expect(`${imported.stdout}\n${imported.stderr}`).toMatch(/rij 8, veld 'naam': (naam is langer dan 500 tekens|rij is [\d.]+ tekens lang; de grens is 16\.000 per rij)(\n|$)/);
      expectNothingRefusedIn(`${imported.stdout}${imported.stderr}`);
      expectNothingRefusedIn(await everythingStored(db));
    });
  });

  describe('a Vektis EPA table', () => {
    let db: string;
    let imported: CliResult;

    beforeAll(async () => {
      db = copyOf(base);
      imported = await runCli(['import', bad('vijandig-vektis.csv'), '--year', YEAR, '--source', 'vektis-epa', '--db', db]);
    });

    it('uses the real municipalities, names the formula and SQL names as not found, and stores none of the hostile cells', async () => {
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain(`gemeente niet gevonden, niet gebruikt: ${HOSTILE.sql}, ${HYPERLINK}, ${HOSTILE.sum}`);
      expect(await queryRows(db, 'SELECT gm_code FROM epa_municipality ORDER BY gm_code')).toEqual([['GM0321'], ['GM0344'], ['GM0355'], ['GM0518']]);
      expectNothingRefusedIn(`${imported.stdout}${imported.stderr}`);
      expectNothingRefusedIn(await everythingStored(db));
    });

    it('lists each refused row with the guard’s reason', () => {
      const printed = `${imported.stdout}\n${imported.stderr}`;
      expect(printed).toContain("rij 8, veld 'Gemeentenaam': bevat een onzichtbaar stuurteken (U+001B)");
      expect(printed).toContain("rij 9, veld 'Gemeentenaam': bevat een onzichtbaar stuurteken (U+202E)");
      expect(printed).toMatch(/rij 10, veld 'Gemeentenaam': (gemeentenaam is langer dan 500 tekens|rij is [\d.]+ tekens lang; de grens is 16\.000 per rij)(\n|$)/);
    });

    it('reads a Windows-1252 file: SÚDWEST-FRYSLÂN is Súdwest-Fryslân', async () => {
      const other = copyOf(base);
      const result = await runCli(['import', bad('vijandig-vektis-1252.csv'), '--year', YEAR, '--source', 'vektis-epa', '--db', other]);
      expect(result.code).toBe(0);
      expect(await queryRows(other, "SELECT epa_pct FROM epa_municipality WHERE gm_code = 'GM1900'")).toEqual([[0.99]]);
    });
  });

  describe('a workbook-corrections xlsx', () => {
    let db: string;
    let applied: CliResult;
    let refused: CliResult;
    let stateBeforeRefused: DatabaseState;
    let stateAfterRefused: DatabaseState;
    let output: ReturnType<typeof readOutput>;
    let rowOfIJsselstein = 0;

    beforeAll(async () => {
      db = copyOf(base);
      const overview = readFileSync(join(baseOut.out, 'overzicht.xlsx'));
      const editor = await OverviewEditor.open(overview);
      const ijsselstein = baseOut.locations.find((row) => row['naam'] === 'Herstelcafé IJsselstein')!;
      rowOfIJsselstein = editor.rowOf(ijsselstein['location_id']!);
      editor.setLocation(rowOfIJsselstein, 'naam', '@ease IJsselstein');
      const newRow = baseOut.locations.length + 2;
      editor.setLocation(newRow, 'naam', '+Plus Nieuwegein');
      editor.setLocation(newRow, 'gemeente', 'Nieuwegein');
      editor.setLocation(newRow + 1, 'naam', '=HYPERLINK("http://y","nieuw")');
      editor.setLocation(newRow + 1, 'gemeente', 'Houten');
      const good = join(scratchDir(), 'overzicht-bewerkt.xlsx');
      writeFileSync(good, await editor.bytes());
      applied = await runCli(['corrections', good, '--year', YEAR, '--db', db]);

      // The hostile workbook edits the same cells of the same overview: the editor is reused.
      const hostile = editor;
      // XML 1.0 cannot hold ESC (Excel writes it as the text _x001B_, exceljs drops it), so the
      // workbook carries C1 CSI (U+009B, the one-byte form of ESC [) as its terminal control.
      hostile.setLocation(rowOfIJsselstein, 'naam', 'Inloop \u009b31mRood');
      hostile.setLocation(newRow, 'naam', HOSTILE.bidi);
      hostile.setLocation(newRow, 'gemeente', 'Zeist');
      hostile.setLocation(newRow + 1, 'naam', HOSTILE.long);
      hostile.setLocation(newRow + 1, 'gemeente', 'Zeist');
      const hostileFile = join(scratchDir(), 'overzicht-vijandig.xlsx');
      writeFileSync(hostileFile, await hostile.bytes());
      const beforeRefused = await snapshotOf(db);
      stateBeforeRefused = beforeRefused.state;
      refused = await runCli(['corrections', hostileFile, '--year', YEAR, '--db', db]);
      stateAfterRefused = await stateComparedTo(db, beforeRefused);
      output = await reportTables(db);
    });

    it('takes in formula-looking names verbatim; unchanged neutralised names read back as no change', async () => {
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain('overzicht-bewerkt.xlsx: 3 wijziging(en) overgenomen.');
      const names = restoredNames(output.locations);
      expect(names).toEqual(expect.arrayContaining(['@ease IJsselstein', '+Plus Nieuwegein', '=HYPERLINK("http://y","nieuw")', HYPERLINK, HOSTILE.sum]));
      expect(names).not.toContain('Herstelcafé IJsselstein');
      expect(output.locationsCsv).toContain(`,"'@ease IJsselstein",`);
      expect(output.locationsCsv).toContain(`,"'=HYPERLINK(""http://y"",""nieuw"")",`);
    });

    it('refuses control characters and the 20,000-character name with reasons naming the cells; the database is unchanged', async () => {
      expect(refused.code).toBe(1);
      const newRow = baseOut.locations.length + 2;
      expect(refused.stderr).toContain(`Locaties, rij ${rowOfIJsselstein}, kolom 'Naam': bevat een onzichtbaar stuurteken (U+009B)`);
      expect(refused.stderr).toContain(`Locaties, rij ${newRow}, kolom 'Naam': bevat een onzichtbaar stuurteken (U+202E)`);
      expect(refused.stderr).toContain(`Locaties, rij ${newRow + 1}, kolom 'Naam': naam is langer dan 500 tekens`);
      expect(refused.stderr).toContain('er is niets overgenomen');
      expectNothingRefusedIn(`${refused.stdout}${refused.stderr}`);
      expect(`${refused.stdout}${refused.stderr}`).not.toContain('\u009b');
      expect(stateAfterRefused).toEqual(stateBeforeRefused);
      expectNothingRefusedIn(await everythingStored(db));
    });
  });
});
