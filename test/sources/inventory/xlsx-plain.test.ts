/**
 * The plain XLSX reader (xlsx-plain.ts) must give exactly the rows exceljs gives, and leave every
 * workbook it cannot read so to exceljs. Each workbook here is read both ways.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exceljsGrid, plainGrid } from '../../../sources/inventory/xlsx-grid.ts';
import { checkXlsxArchive } from '../../../sources/inventory/zip-limits.ts';

async function bytesOf(build: (workbook: ExcelJS.Workbook) => void, options: { useSharedStrings?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  if (options.useSharedStrings === false) {
    // The streaming writer writes every string inline (<is><t>) instead of in the shared strings.
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const stream = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
    for (const sheet of workbook.worksheets) {
      const target = stream.addWorksheet(sheet.name, { state: sheet.state });
      sheet.eachRow((row) => target.addRow(row.values).commit());
      target.commit();
    }
    await stream.commit();
    return new Uint8Array(Buffer.concat(chunks));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function bothWays(bytes: Uint8Array, sheet?: string) {
  return { plain: plainGrid(checkXlsxArchive('lijst.xlsx', bytes, 2 ** 26), sheet), exceljs: await exceljsGrid('lijst.xlsx', bytes, sheet) };
}

const awkward = [
  'Herstelcafé “De Brug” & co <Noord>',
  "'s-Hertogenbosch",
  '  spaties rondom  ',
  'regel\r\nafbreking',
  'letterlijk _x000D_ in tekst',
  '=HYPERLINK("x")',
  '@ease Utrecht',
  'ĳ, €, 😀',
  '',
];

describe('the plain XLSX reader reads what exceljs reads', () => {
  it('shared and inline strings, numbers, booleans, errors, hyperlinks, rich text, gaps and a title row', async () => {
    for (const useSharedStrings of [true, false]) {
      const bytes = await bytesOf((workbook) => {
        const sheet = workbook.addWorksheet('Lijst');
        sheet.addRow(['Inventaris 2030']);
        sheet.addRow(['Naam', 'Plaats', 'Bezoekers', 'Actief', 'Website', 'Fout']);
        // The streaming writer writes '' as a cell without a value, which exceljs reads as part of a merge: left to it.
        (useSharedStrings ? awkward : awkward.filter((text) => text !== '')).forEach((text, index) => sheet.addRow([text, `Plaats ${index}`, index * 2.5, index % 2 === 0, { text: 'site', hyperlink: 'https://example.org' }, { error: '#N/A' }]));
        sheet.addRow([]);
        sheet.addRow([{ richText: [{ text: 'Vet', font: { bold: true } }, { text: ' en gewoon' }] }, undefined, 1e21, undefined, undefined, 'laatste']);
        sheet.getCell('H30').value = 'ver weg';
      }, { useSharedStrings });
      const { plain, exceljs } = await bothWays(bytes);
      expect(plain).toBeDefined();
      expect(plain).toStrictEqual(exceljs);
    }
  });

  it('picks the sheet exceljs picks: by name, else the first visible one with a name column', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('Toelichting').addRow(['Lees dit eerst']);
      const hidden = workbook.addWorksheet('Verborgen', { state: 'hidden' });
      hidden.addRow(['Naam']);
      hidden.addRow(['Verborgen inloop']);
      const list = workbook.addWorksheet('Locaties');
      list.addRow(['Naam', 'Gemeente']);
      list.addRow(['Inloop Noord', 'Zwolle']);
    });
    for (const sheet of [undefined, 'locaties', 'Verborgen', 'Toelichting']) {
      const { plain, exceljs } = await bothWays(bytes, sheet);
      expect(plain).toStrictEqual(exceljs);
    }
    expect((await bothWays(bytes)).plain?.sheet).toBe('Locaties');
  });

  it.each([
    ['a formula', (sheet: ExcelJS.Worksheet) => (sheet.getCell('A2').value = { formula: '"STIP "&"Noord"', result: 'STIP Noord' })],
    ['a date', (sheet: ExcelJS.Worksheet) => (sheet.getCell('B2').value = new Date(Date.UTC(2030, 0, 15)))],
    ['a number in a date format', (sheet: ExcelJS.Worksheet) => {
      sheet.getCell('B2').value = 47000;
      sheet.getCell('B2').numFmt = 'dd-mm-yyyy';
    }],
    ['merged cells', (sheet: ExcelJS.Worksheet) => sheet.mergeCells('A3:B3')],
  ])('leaves a workbook with %s to exceljs', async (_, change) => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('Lijst');
      sheet.addRow(['Naam', 'Datum']);
      sheet.addRow(['Inloop', 'x']);
      sheet.addRow(['Inloop Zuid', 'y']);
      change(sheet);
    });
    expect((await bothWays(bytes)).plain).toBeUndefined();
  });

  it('reads the inventory fixtures as exceljs does, or leaves them to it', async () => {
    for (const name of ['locations.xlsx', 'locaties.xlsx', 'coordinatoren.xlsx']) {
      const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/inventory/${name}`, import.meta.url)));
      const { plain, exceljs } = await bothWays(bytes);
      if (plain !== undefined) expect(plain).toStrictEqual(exceljs);
    }
    // locations.xlsx has no formula: read by the plain reader.
    expect((await bothWays(new Uint8Array(readFileSync(new URL('../../fixtures/inventory/locations.xlsx', import.meta.url))))).plain).toBeDefined();
  });
});
