/**
 * The shapes real lists have (REAL-SHAPES.md, "Lists from regions and organisations"), read by the
 * table reader and the inventory schema without dropping a steunpunt.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalFormulaText, unreadableCellReason } from '../../../sources/inventory/cell-text.ts';
import { fieldForHeader } from '../../../sources/inventory/header-synonyms.ts';
import { headerSynonymTable, README_PATH, withHeaderTable } from '../../dev/header-table.ts';
import { readInventoryTable, readInventoryTableFromBytes } from '../../../sources/inventory/read-table.ts';
import { InventoryRecord, isPlainCount, Postcode, readCount } from '../../../sources/schema.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/inventory/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('header row', () => {
  it("reads Excel's sep=; line as the delimiter and numbers rows as Excel shows them (without it)", async () => {
    const table = await readInventoryTableFromBytes('lijst.csv', utf8('sep=;\nnaam;plaats,wijk\nA;Tilburg, Noord\n'));
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([{ row: 2, values: { name: 'A' }, extra: { 'plaats,wijk': 'Tilburg, Noord' } }]);
  });

  it('finds the header below a title row and lists the title row as skipped', async () => {
    const table = await readInventoryTableFromBytes('lijst.csv', utf8('Overzicht steunpunten 2025;;\nNaam;Gemeentenaam;Plaatsnaam\nA;Tilburg;Udenhout\n'));
    expect(table.titleRows).toEqual([1]);
    expect(table.columns.map((column) => column.field)).toEqual(['name', 'municipality', 'place']);
    expect(table.rows).toEqual([{ row: 3, values: { name: 'A', municipality: 'Tilburg', place: 'Udenhout' }, extra: {} }]);
  });

  it("reads the coordinators' Windows-1252 list with its sep line, title row and own headers", async () => {
    const table = await readInventoryTable(fixture('coordinatoren-1252.csv'));
    expect(table).toMatchObject({ encoding: 'windows-1252', delimiter: ';', titleRows: [1] });
    expect(table.columns.map(({ header, field }) => [header, field])).toEqual([
      ['Naam', 'name'],
      ['Organisatie', 'organisation'],
      ['Bezoekadres', 'address'],
      ['Postcode', 'postcode'],
      ['Vestigingsplaats', 'place'],
      ['Gemeentenaam', 'municipality'],
      ['Openingstijden', null],
      ['Bezoekers per week', 'visitorsPerWeek'],
      ['Contactpersoon', null],
      ['Telefoon contactpersoon', null],
      ['Opmerking', 'note'],
    ]);
    expect(table.rows[0]).toMatchObject({ row: 3, values: { name: 'Herstelcafé Tilburg', postcode: '5038-AB', visitorsPerWeek: 'ca. 40' } });
    expect(table.rows[0]?.extra['Openingstijden']).toBe('ma, wo en vr 10.00 – 14.00 uur');
    expect(table.rows).toHaveLength(4);
  });
});

describe('formulas in an XLSX', () => {
  it('reads a formula of text literals and names one without a saved value', async () => {
    expect(literalFormulaText('"Herstelcafé "&"Vlissingen"')).toBe('Herstelcafé Vlissingen');
    expect(literalFormulaText('CONCATENATE("STIP ";"Almere")')).toBe('STIP Almere');
    expect(literalFormulaText('"a","b"')).toBeUndefined();
    expect(literalFormulaText('B6&" inloop"')).toBeUndefined();
    expect(unreadableCellReason({ formula: 'B6&" inloop"' } as ExcelJS.CellFormulaValue)).toBe(
      'formule =B6&" inloop" heeft geen opgeslagen waarde; open het bestand in Excel, sla het op en lees het opnieuw in',
    );
    expect(unreadableCellReason({ formula: 'B6&" inloop"', result: 'Goes inloop' } as ExcelJS.CellFormulaValue)).toBeUndefined();
  });

  it("marks the uncalculated cell in the coordinators' workbook by its header", async () => {
    const table = await readInventoryTable(fixture('coordinatoren.xlsx'));
    expect(table.titleRows).toEqual([1]);
    expect(table.rows.map((row) => [row.row, row.values.name, row.unreadable])).toEqual([
      [3, 'Inloophuis Middelburg', undefined],
      [4, 'Herstelcafé Vlissingen', undefined],
      [5, undefined, { Naam: expect.stringContaining('geen opgeslagen waarde') }],
    ]);
  });
});

describe('values as lists write them', () => {
  it.each([
    ['40', 40, true],
    ['2,5', 2.5, true],
    ['ca. 40', 40, false],
    ['ca 60', 60, false],
    ['circa 25', 25, false],
    ['± 30', 30, false],
    ['~12', 12, false],
    ['40+', 40, false],
    ['15 per week', 15, false],
  ])('count %s', (text, value, plain) => {
    expect(readCount(text)).toBe(value);
    expect(isPlainCount(text)).toBe(plain);
  });

  it.each(['wisselend', '30-40', 'ca.', ''])('no count: %s', (text) => {
    expect(readCount(text)).toBeUndefined();
  });

  it('reads postcodes with a hyphen', () => {
    expect(Postcode.parse('5038-AB')).toBe('5038 AB');
    expect(Postcode.parse('5038 - ab')).toBe('5038 AB');
    expect(Postcode.safeParse('5038-ABC').success).toBe(false);
  });

  it("reads the size 'onbekend' the tool writes as no size given", () => {
    expect(InventoryRecord.parse({ name: 'A', size: 'onbekend' }).size).toBeUndefined();
    expect(InventoryRecord.safeParse({ name: 'A', size: 'reusachtig' }).success).toBe(false);
  });

  it('keeps only the fixed extra keys', () => {
    expect(InventoryRecord.parse({ name: 'A', extra: { openingstijden: 'di 10-12' } }).extra).toEqual({ openingstijden: 'di 10-12' });
    expect(InventoryRecord.safeParse({ name: 'A', extra: { Contactpersoon: 'Jan Jansen' } }).success).toBe(false);
  });
});

describe('the README shows the header synonyms', () => {
  it('has the table generated from header-synonyms.ts (npx tsx test/dev/header-table.ts)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(readme).toContain(headerSynonymTable());
    expect(withHeaderTable(readme)).toBe(readme);
  });
});

describe('properties', () => {
  it('an approximate count reads as its number, and any text reads as a non-negative number or nothing', () => {
    const prefix = fc.constantFrom('', 'ca. ', 'ca ', 'circa ', 'ongeveer ', '± ', '~');
    const suffix = fc.constantFrom('', '+', ' per week');
    fc.assert(fc.property(prefix, fc.nat(100_000), suffix, (before, count, after) => readCount(`${before}${count}${after}`) === count));
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = readCount(text);
        return value === undefined || (Number.isFinite(value) && (value >= 0 || /^\s*-/.test(text)));
      }),
    );
  });

  it('a title row above the header changes nothing but the skipped rows', async () => {
    const title = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => !/[";,\r\n\t]/.test(text) && text.trim() !== '' && fieldForHeader(text.trim()) !== 'name');
    await fc.assert(
      fc.asyncProperty(title, async (text) => {
        const body = 'naam;plaats\nInloop A;Tilburg\n';
        const plain = await readInventoryTableFromBytes('lijst.csv', utf8(body));
        const titled = await readInventoryTableFromBytes('lijst.csv', utf8(`${text};\n${body}`));
        expect(titled.titleRows).toEqual([1]);
        expect(titled.rows.map(({ values }) => values)).toEqual(plain.rows.map(({ values }) => values));
      }),
      { numRuns: 50 },
    );
  });
});
