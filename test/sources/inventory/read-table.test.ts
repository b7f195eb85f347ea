import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MonitorError } from '../../../sources/errors.ts';
import { HEADER_SYNONYMS, normaliseHeader } from '../../../sources/inventory/header-synonyms.ts';
import { readInventoryTable, readInventoryTableFromBytes } from '../../../sources/inventory/read-table.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/inventory/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function errorOf(promise: Promise<unknown>): Promise<MonitorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof MonitorError)) throw new Error(`expected a MonitorError, got ${String(error)}`);
  return error;
}

describe('readInventoryTable: CSV', () => {
  it('reads a comma-separated UTF-8 file with Dutch headers', async () => {
    const table = await readInventoryTable(fixture('locaties-komma.csv'));
    expect(table).toMatchObject({ file: 'locaties-komma.csv', format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(table.sheet).toBeUndefined();
    expect(table.columns).toEqual([
      { header: 'IZA-regio', field: 'izaRegion' },
      { header: 'Organisatie', field: 'organisation' },
      { header: 'Locatienaam', field: 'name' },
      { header: 'Plaats', field: 'place' },
      { header: 'Gemeente', field: 'municipality' },
      { header: 'Dagdelen per week', field: 'dagdelenPerWeek' },
      { header: 'Opmerking', field: 'note' },
      { header: 'Bron', field: null },
    ]);
    // Rows 4 and 8 are empty and skipped; the numbers stay those a spreadsheet shows.
    expect(table.rows.map(({ row }) => row)).toEqual([2, 3, 5, 6, 7, 9]);
    expect(table.rows[0]).toEqual({
      row: 2,
      values: {
        izaRegion: 'Achterhoek',
        organisation: 'Stadskamer',
        name: 'Stadskamer ‘s-Heerenberg',
        place: '‘s-Heerenberg',
        municipality: '‘s-Heerenberg',
        dagdelenPerWeek: '4',
      },
      extra: { Bron: 'Bijlage 1' },
    });
    expect(table.rows[1]?.values.organisation).toBe('Stichting Cliënten Perspectief ggz');
    expect(table.rows[1]?.values.note).toBe(
      'fn 8: STIP = Steun en InformatiePunt, offered by Stichting Cliëntenperspectief ggz',
    );
    expect(table.rows[2]).toEqual({
      row: 5,
      values: {
        izaRegion: 'Friesland',
        organisation: 'Suïcide Preventie Centrum',
        name: 'Suïcide Preventie Centrum',
        place: 'Leeuwarden',
        municipality: 'Leeuwarden',
      },
      extra: {},
    });
    expect(table.rows[3]?.values.name).toBe('CéZetPé, centrum voor zelfregie en herstel');
    expect(table.rows[4]?.values).toMatchObject({ municipality: 'Súdwest-Fryslân', dagdelenPerWeek: '3' });
    expect(table.rows[5]).toMatchObject({ row: 9, values: { name: 'Aanéén' }, extra: { Bron: 'Bijlage 2' } });
  });

  it('reads a semicolon-separated Windows-1252 file with English headers', async () => {
    const bytes = await readFile(fixture('locations-puntkomma-1252.csv'));
    expect(bytes.includes(0x91)).toBe(true); // the typographic quote really is the 1252 byte

    const table = await readInventoryTable(fixture('locations-puntkomma-1252.csv'));
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(table.columns.map(({ field }) => field)).toEqual([
      'izaRegion',
      'organisation',
      'name',
      'place',
      'municipality',
      'visitorsPerWeek',
      'note',
      null,
    ]);
    expect(table.rows.map(({ row, values }) => [row, values.name])).toEqual([
      [2, 'Stadskamer ‘s-Heerenberg'],
      [3, 'STIP Lelystad'],
      [4, 'Jongereninloop / ervaringscafé Dokkum'],
      [5, 'Suïcide Preventie Centrum'],
      [6, 'Sociale inloop Sneek'],
    ]);
    expect(table.rows[0]?.values.place).toBe('‘s-Heerenberg');
    expect(table.rows[1]?.values).toMatchObject({
      organisation: 'Stichting Cliënten Perspectief ggz',
      note: 'fn 8: STIP; offered by Stichting Cliëntenperspectief ggz',
    });
    expect(table.rows[3]?.extra).toEqual({ Source: 'Bijlage 2' });
    expect(table.rows[4]?.values).toMatchObject({ municipality: 'Súdwest-Fryslân', visitorsPerWeek: '12' });
  });

  it('strips a UTF-8 BOM and detects a tab delimiter', async () => {
    const table = await readInventoryTable(fixture('locaties-bom-tab.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: '\t' });
    expect(table.columns[0]).toEqual({ header: 'naam', field: 'name' });
    expect(table.rows).toEqual([
      { row: 2, values: { name: 'Locatie Harderwijk', place: 'Harderwijk', municipality: 'Harderwijk' }, extra: {} },
      { row: 3, values: { name: 'Locatie Nunspeet', place: 'Nunspeet', municipality: 'Nunspeet' }, extra: {} },
      { row: 4, values: { name: 'Samen één Gorinchem', place: 'Gorinchem', municipality: 'Gorinchem' }, extra: {} },
    ]);
  });

  it('decodes the Windows-1252 characters that differ from Latin-1', async () => {
    const bytes = Uint8Array.from([...utf8('naam\n'), 0x80, 0x20, 0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x9f]);
    const table = await readInventoryTableFromBytes('t.csv', bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows[0]?.values.name).toBe('€ “A” – Ÿ');
  });

  it('counts delimiters only outside quotes', async () => {
    const text = 'naam;"bron, pagina, regel"\nDorpskamer Didam;"Bijlage 1, p. 3"\n';
    const table = await readInventoryTableFromBytes('t.csv', utf8(text));
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      { row: 2, values: { name: 'Dorpskamer Didam' }, extra: { 'bron, pagina, regel': 'Bijlage 1, p. 3' } },
    ]);
  });

  it('keeps a multi-line quoted cell as one row and numbers the rows after it correctly', async () => {
    const table = await readInventoryTableFromBytes('t.csv', utf8('naam,opmerking\nA,"regel 1\nregel 2"\nB,\n'));
    expect(table.rows).toEqual([
      { row: 2, values: { name: 'A', note: 'regel 1\nregel 2' }, extra: {} },
      { row: 3, values: { name: 'B' }, extra: {} },
    ]);
  });

  it('accepts a header without data rows, trailing empty cells and short rows', async () => {
    expect((await readInventoryTableFromBytes('t.csv', utf8('naam,plaats\r\n'))).rows).toEqual([]);
    const table = await readInventoryTableFromBytes('t.csv', utf8('naam,plaats\nA,B,,\nC\n'));
    expect(table.rows).toEqual([
      { row: 2, values: { name: 'A', place: 'B' }, extra: {} },
      { row: 3, values: { name: 'C' }, extra: {} },
    ]);
  });

  it('ignores a column without a header when it is empty throughout', async () => {
    const table = await readInventoryTableFromBytes('t.csv', utf8('naam,,plaats\nA,,B\n'));
    expect(table.columns).toEqual([
      { header: 'naam', field: 'name' },
      { header: 'plaats', field: 'place' },
    ]);
    expect(table.rows[0]?.values).toEqual({ name: 'A', place: 'B' });
  });

  it('keeps unknown headers that look like object properties as plain data', async () => {
    const table = await readInventoryTableFromBytes('t.csv', utf8('naam,__proto__,constructor\nA,B,C\n'));
    expect(table.columns.map(({ field }) => field)).toEqual(['name', null, null]);
    expect(Object.entries(table.rows[0]?.extra ?? {})).toEqual([
      ['__proto__', 'B'],
      ['constructor', 'C'],
    ]);
  });
});

describe('readInventoryTable: XLSX', () => {
  it('reads the first visible sheet with Dutch headers and turns cells into text', async () => {
    const table = await readInventoryTable(fixture('locaties.xlsx'));
    expect(table).toMatchObject({ file: 'locaties.xlsx', format: 'xlsx', sheet: 'Locaties' });
    expect(table.encoding).toBeUndefined();
    expect(table.delimiter).toBeUndefined();
    // The column without a header (H) is empty throughout and left out.
    expect(table.columns.map(({ header }) => header)).toEqual([
      'Naam',
      'Organisatie',
      'Plaats',
      'Gemeente',
      'Dagdelen per week',
      'Bezoekers per week',
      'Website',
      'Gecontroleerd op',
      'Geverifieerd',
    ]);
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          name: 'Dorpskamer Didam',
          organisation: 'Stadskamer', // rich text
          place: 'Didam',
          municipality: 'Montferland',
          dagdelenPerWeek: '3', // a number cell
          visitorsPerWeek: '30', // a formula's cached result
          website: 'www.stadskamer.nl', // a hyperlink's text
        },
        extra: { 'Gecontroleerd op': '2024-03-15', Geverifieerd: 'ja' },
      },
      {
        row: 3,
        values: {
          name: 'Suïcide Preventie Centrum',
          organisation: 'Suïcide Preventie Centrum',
          place: 'Leeuwarden',
          municipality: 'Leeuwarden',
          dagdelenPerWeek: '2.5', // no locale formatting; #N/A in the next column is left out
        },
        extra: { Geverifieerd: 'nee' },
      },
      {
        row: 5, // row 4 is empty
        values: {
          name: 'STIP Almere', // a formula with a text result
          organisation: 'Stichting Cliënten Perspectief ggz',
          place: 'Almere',
          municipality: 'Almere',
        },
        extra: {},
      },
    ]);
  });

  it('reads the sheet named in the options, in any case, with English headers', async () => {
    const table = await readInventoryTable(fixture('locations.xlsx'), { sheet: 'LOCATIONS' });
    expect(table.sheet).toBe('Locations');
    expect(table.columns.every(({ field }) => field !== null)).toBe(true);
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          name: 'Locatie Schuitendiep',
          organisation: 'Ixta Noa',
          address: 'Schuitendiep 56',
          postcode: '9711 RE',
          place: 'Groningen',
          municipality: 'Groningen',
          gmCode: 'GM0014',
          izaRegion: 'Groningen (provincie)',
          dagdelenPerWeek: '6',
          visitorsPerWeek: '40',
          size: 'medium',
          status: 'active',
          website: 'https://www.ixtanoa.nl',
          note: 'Bijlage 1',
        },
        extra: {},
      },
      {
        row: 3,
        values: {
          name: 'Herstelacademie Eemsdelta',
          organisation: 'Herstelacademie Eemsdelta',
          postcode: '9934',
          place: 'Eemsdelta',
          municipality: 'Eemsdelta',
          gmCode: '1979',
          izaRegion: 'Groningen (provincie)',
          size: 'small',
          status: 'potential',
        },
        extra: {},
      },
    ]);
  });
});

describe('readInventoryTable: errors', () => {
  it('names the missing name column and the columns it found', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('plaats,gemeente\nDidam,Montferland\n')));
    expect(error.message).toBe("bestand lijst.csv: kolom 'naam' ontbreekt (gevonden kolommen: plaats, gemeente)");
    expect(error.location).toEqual({ file: 'lijst.csv' });
  });

  it('reads the first visible sheet with a name column when no sheet is named (the overview opens with its Toelichting)', async () => {
    const table = await readInventoryTable(fixture('locations.xlsx'));
    expect(table.sheet).toBe('Locations');
  });

  it('reports the missing name column for the first sheet when no sheet has one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Summary').addRow(['Total', 'Count']);
    workbook.addWorksheet('Other').addRow(['Plaats']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await errorOf(readInventoryTableFromBytes('lijst.xlsx', bytes));
    expect(error.message).toBe("bestand lijst.xlsx: kolom 'naam' ontbreekt (gevonden kolommen: Total, Count)");
  });

  it('names both headers of a duplicate column', async () => {
    const synonyms = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('naam,plaats,Locatienaam\n')));
    expect(synonyms.message).toBe("bestand lijst.csv: dubbele kolom: 'naam' en 'Locatienaam' betekenen allebei 'naam'");
    const repeated = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('naam,Bron,Bron\n')));
    expect(repeated.message).toBe("bestand lijst.csv: dubbele kolom: 'Bron' komt meer dan één keer voor");
  });

  it('rejects garbage bytes named .xlsx without a stack trace in the message', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.xlsx', utf8('naam,plaats\nDidam,Didam\n')));
    expect(error.message).toBe('bestand lijst.xlsx: geen geldig Excel-bestand (xlsx)');
  });

  it('rejects an unknown extension', async () => {
    const error = await errorOf(readInventoryTable(fixture('lijst.ods')));
    expect(error.message).toBe("bestand lijst.ods: onbekend bestandsformaat '.ods'; gebruik CSV of XLSX");
    const none = await errorOf(readInventoryTableFromBytes('lijst', utf8('naam\n')));
    expect(none.message).toBe('bestand lijst: onbekend bestandsformaat (geen extensie); gebruik CSV of XLSX');
  });

  it('rejects an empty file', async () => {
    for (const bytes of [new Uint8Array(), utf8('\uFEFF'), utf8('\n \n,,\n')]) {
      const error = await errorOf(readInventoryTableFromBytes('leeg.csv', bytes));
      expect(error.message).toBe('bestand leeg.csv: bestand is leeg');
    }
  });

  it('names the row of an unclosed quote', async () => {
    const text = 'naam,plaats\nDorpskamer Didam,Didam\n"Stadskamer ‘s-Heerenberg,‘s-Heerenberg\nLocatie Nunspeet,Nunspeet\n';
    const error = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8(text)));
    expect(error.message).toBe(
      'bestand lijst.csv, rij 3: ongesloten aanhalingsteken: een veld begint met " maar wordt niet afgesloten',
    );
    expect(error.location).toEqual({ file: 'lijst.csv', row: 3 });
  });

  it('names the row of a quote in the wrong place', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('naam,plaats\n"Didam"x,Didam\n')));
    expect(error.message).toBe(
      'bestand lijst.csv, rij 2: aanhalingsteken op een verkeerde plek: na een afsluitend " hoort een scheidingsteken of het einde van de regel',
    );
  });

  it('lists the sheets when the named sheet does not exist', async () => {
    const error = await errorOf(readInventoryTable(fixture('locations.xlsx'), { sheet: 'Blad1' }));
    expect(error.message).toBe("bestand locations.xlsx: werkblad 'Blad1' niet gevonden (werkbladen: Summary, Locations)");
  });

  it('names the row with more cells than the header', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('naam,plaats\nA,B\nC,D,E\n')));
    expect(error.message).toBe('bestand lijst.csv, rij 3: meer kolommen dan de kopregel (3 in plaats van 2)');
  });

  it('names a column that has values but no header', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('naam,,plaats\nA,,B\nC,x,D\n')));
    expect(error.message).toBe('bestand lijst.csv: kolom 2 (B) heeft geen kopnaam maar wel waarden (eerste in rij 3)');
  });

  it('rejects a file whose first row is empty and that has no name column below it', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.csv', utf8('\nplaats\nA\n')));
    expect(error.message).toBe('bestand lijst.csv: de kopregel (rij 1) is leeg; zet de kolomnamen in de eerste rij');
  });

  it('rejects UTF-16 text', async () => {
    const error = await errorOf(readInventoryTableFromBytes('lijst.txt', Uint8Array.from([0xff, 0xfe, 0x6e, 0x00])));
    expect(error.message).toBe('bestand lijst.txt: bestand is opgeslagen als UTF-16; sla het op als CSV (UTF-8) of als XLSX');
  });

  it('rejects a file larger than the limit', async () => {
    const error = await errorOf(readInventoryTable(fixture('locaties-komma.csv'), { maxBytes: 100 }));
    expect(error.message).toBe('bestand locaties-komma.csv: bestand is te groot (727 bytes; de grens is 100 bytes)');
    const threeMebibytes = new Uint8Array(3 * 1024 * 1024);
    const large = await errorOf(readInventoryTableFromBytes('groot.csv', threeMebibytes, { maxBytes: 2.5 * 1024 * 1024 }));
    expect(large.message).toBe('bestand groot.csv: bestand is te groot (3 MiB; de grens is 2,5 MiB)');
  });

  it('reports a missing file by its name only', async () => {
    const error = await errorOf(readInventoryTable(fixture('bestaat-niet.csv')));
    expect(error.message).toBe('bestand bestaat-niet.csv: bestand niet gevonden');
    expect(error.location).toEqual({ file: 'bestaat-niet.csv' });
  });
});

describe('header synonyms', () => {
  it('are written as normaliseHeader leaves them', () => {
    for (const key of Object.keys(HEADER_SYNONYMS)) expect(normaliseHeader(key)).toBe(key);
  });

  it('ignore case, accents and separators', () => {
    expect(normaliseHeader(' Locatie-Naam ')).toBe('locatienaam');
    expect(normaliseHeader('IZA_régio')).toBe('izaregio');
    expect(normaliseHeader('Gemeente (zoals geschreven)')).toBe('gemeentezoalsgeschreven');
  });
});
