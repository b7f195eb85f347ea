/** The overview workbook as written: sheets, dropdowns, protection, formulas, safe text, cached figures. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCATION_COLUMNS, SHEETS, SPARE_LOCATION_ROWS, locationColumn } from '../../../pipeline/workbook/layout.ts';
import { columnLetter } from '../../../pipeline/workbook/write/cells.ts';
import { coverageLabel } from '../../../pipeline/workbook/write/sheets/coverage.ts';
import { composeOverview, overviewBytes, writeOverview } from '../../../pipeline/workbook/write/overview.ts';
import { restoreText, safeText } from '../../../sources/safe-text.ts';
import { readCorrections } from '../../../pipeline/workbook/read/read-corrections.ts';
import type { MonitorData } from '../../../pipeline/read/read-monitor.ts';
import { rowsAsCsv } from './csv-like.ts';
import { INJECTIONS, withInjections } from './injections.ts';
import { buildMonitor2024, type Monitor2024 } from './monitor-2024.ts';


const column = (header: string) => LOCATION_COLUMNS.findIndex((entry) => entry.header === header) + 1;

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A cell as text, a formula by its cached result: what a program shows before it recalculates. */
function cachedText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  // cell.result, not value.result: exceljs leaves a cached 0 out of cell.value.
  if (typeof value === 'object' && 'formula' in value) return cell.result === undefined ? '' : String(cell.result);
  return String(value);
}

function cachedRecords(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const header = sheet.getRow(1);
  const headers = Array.from({ length: sheet.columnCount }, (_, index) => cachedText(header.getCell(index + 1)));
  const records: Record<string, string>[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const cells = headers.map((_, index) => cachedText(sheet.getCell(row, index + 1)));
    if (cells.some((cell) => cell !== '')) records.push(Object.fromEntries(headers.map((name, index) => [name, cells[index] ?? ''])));
  }
  return records;
}

describe('the overview workbook', () => {
  let monitor: Monitor2024;
  let path: string;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    monitor = await buildMonitor2024();
    path = join(monitor.scratch, 'overzicht.xlsx');
    await writeOverview(monitor.data, path);
    workbook = await load(path);
  });

  it('has the sheets in order, with Lijsten hidden', async () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Toelichting',
      'Locaties',
      'Provincies',
      "IZA-regio's",
      'Gemeenten',
      'Parameters',
      'Jaar-op-jaar',
      'Witte vlekken',
      'Te beoordelen',
      'Afgewezen',
      'Lijsten',
    ]);
    expect(sheetOf(workbook, SHEETS.lists).state).toBe('hidden');
    expect((await composeOverview(monitor.data)).workbook.calcProperties.fullCalcOnLoad).toBe(true);
  });

  it('lists one location per row with its id, and sets dropdowns on grootte and status down to the spare rows', () => {
    const sheet = sheetOf(workbook, SHEETS.locations);
    expect(sheet.getRow(1).values).toEqual([undefined, ...LOCATION_COLUMNS.map((entry) => entry.label)]);
    expect(monitor.data.locations.map((_, index) => sheet.getCell(index + 2, column('location_id')).value)).toEqual(
      monitor.data.locations.map((location) => location.location_id),
    );
    const lastRow = monitor.data.locations.length + 1 + SPARE_LOCATION_ROWS;
    for (const row of [2, lastRow]) {
      expect(sheet.getCell(row, column('grootte')).dataValidation).toMatchObject({ type: 'list', formulae: ["'Lijsten'!$A$2:$A$5"] });
      expect(sheet.getCell(row, column('status')).dataValidation).toMatchObject({ type: 'list', formulae: ["'Lijsten'!$B$2:$B$5"] });
    }
    const lists = sheetOf(workbook, SHEETS.lists);
    expect([2, 3, 4, 5].map((row) => lists.getCell(row, 1).value)).toEqual(['klein', 'middelgroot', 'groot', 'onbekend']);
    expect([2, 3, 4, 5].map((row) => lists.getCell(row, 2).value)).toEqual(['actief', 'potentieel', 'gesloten', 'uitgesloten']);
  });

  it('protects every sheet without a password, with ids and derived columns locked and editable columns open, also in the spare rows', () => {
    for (const sheet of workbook.worksheets) {
      // exceljs keeps the protection on the worksheet without typing it.
      const protection: unknown = Reflect.get(sheet, 'sheetProtection');
      expect(protection, sheet.name).toMatchObject({ sheet: true, autoFilter: true });
      expect(protection, sheet.name).not.toHaveProperty('hashValue');
    }
    const sheet = sheetOf(workbook, SHEETS.locations);
    const spare = monitor.data.locations.length + 1 + SPARE_LOCATION_ROWS;
    for (const row of [2, spare]) {
      for (const entry of LOCATION_COLUMNS) {
        const unlocked = sheet.getCell(row, column(entry.header)).protection?.locked === false;
        expect(unlocked, `${entry.header} in row ${row}`).toBe(entry.role === 'editable');
      }
    }
    const parameters = sheetOf(workbook, SHEETS.parameters);
    expect(parameters.getCell('B2').value).toBe(100);
    expect(parameters.getCell('B2').protection?.locked).toBe(false);
  });

  it('computes gewicht from grootte and the Parameters sheet, with a frozen header and a filter', () => {
    const sheet = sheetOf(workbook, SHEETS.locations);
    const weight = sheet.getCell(2, column('gewicht')).value;
    expect(weight).toMatchObject({ formula: expect.stringContaining("INDEX('Parameters'!$B$"), result: monitor.data.locations[0]!.weight });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    const provinces = sheetOf(workbook, SHEETS.provinces);
    const [status, weights] = [columnLetter(column('status')), columnLetter(column('gewicht'))];
    expect(provinces.getCell('G2').value).toMatchObject({ formula: expect.stringMatching(new RegExp(`^COUNTIFS\\('Locaties'!\\$${status}\\$2:\\$${status}\\$\\d+,"actief",`)) });
    expect(provinces.getCell('I2').value).toMatchObject({ formula: expect.stringMatching(new RegExp(`^SUMIFS\\('Locaties'!\\$${weights}\\$2:\\$${weights}\\$\\d+,`)) });
    expect(provinces.getCell('J2').value).toMatchObject({ formula: "ROUND(E2/'Parameters'!$B$2*'Parameters'!$B$3/100,0)" });
  });

  it('caches in every formula the figures of the CSV exports', () => {
    const expectAsCsv = (sheet: string, csv: Record<string, string>[], key: string, filter = (_row: Record<string, string>) => true) => {
      const shown = rowsAsCsv(cachedRecords(sheetOf(workbook, sheet)).filter(filter), csv, key, coverageLabel);
      expect(shown.keys, sheet).toEqual(csv.map((row) => row[key]));
      expect(shown.rows, sheet).toEqual(csv);
    };
    expectAsCsv(SHEETS.provinces, monitor.csv('provincies.csv'), 'provincie', (row) => row['Provincie'] !== 'Nederland');
    const { gebied = '', ...national } = monitor.csv('nederland.csv')[0] ?? {};
    expectAsCsv(SHEETS.provinces, [{ provincie: gebied, ...national }], 'provincie', (row) => row['Provincie'] === 'Nederland');
    expectAsCsv(SHEETS.regions, monitor.csv('iza-regios.csv'), 'iza_regio');
    expectAsCsv(SHEETS.municipalities, monitor.csv('gemeenten.csv'), 'gemeentecode');
    const locations = monitor.csv('locaties.csv');
    const written = cachedRecords(sheetOf(workbook, SHEETS.locations));
    const value = (row: Record<string, string>, header: string) => row[locationColumn(header).label];
    expect(
      written.map((row) => ({
        location_id: value(row, 'location_id'),
        naam: value(row, 'naam'),
        grootte: value(row, 'grootte'),
        gewicht: Number(value(row, 'gewicht')).toFixed(1),
        status: value(row, 'status'),
      })),
    ).toEqual(
      locations.map(({ location_id, naam, grootte, gewicht, status }) => ({ location_id, naam, grootte, gewicht, status })),
    );
  });

  it('says in a Dutch line that there is nothing (yet) where no extras were given', () => {
    expect(sheetOf(workbook, SHEETS.review).getCell('A1').value).toBe('Er zijn (nog) geen mogelijke dubbele locaties om te beoordelen.');
    expect(sheetOf(workbook, SHEETS.yearOnYear).getCell('A1').value).toBe('Er is (nog) geen eerder monitorjaar om 2024 mee te vergelijken.');
    expect(sheetOf(workbook, SHEETS.whiteSpots).getCell('A1').value).toBe('De witte vlekken (gemeenten ver van een steunpunt) zijn (nog) niet berekend.');
    expect(sheetOf(workbook, SHEETS.rejects).getCell('A1').value).toBe('Er zijn geen afgewezen rijen: elke ingelezen rij is gebruikt.');
    const explanation = sheetOf(workbook, SHEETS.explanation);
    const texts = explanation.getColumn(2).values.filter((value): value is string => typeof value === 'string');
    expect(texts).toContain('Sla het bestand op als .xlsx en stuur het terug. Verwerken: lsp-monitor corrections <bestand> --year 2024');
    for (const source of monitor.data.sources) expect(texts.some((text) => text.includes(source.file_name) && text.includes(source.sha256))).toBe(true);
  });

  it('renders the extras: review pairs with a decision dropdown, year on year, white spots and images', async () => {
    const [first, second] = monitor.data.locations;
    const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    const extras = {
      reviewPairs: [
        { pairId: 'P-1', a: { locationId: first!.location_id, name: first!.name, place: first!.place }, b: { locationId: second!.location_id, name: second!.name, place: null }, score: 0.83, reason: 'zelfde organisatie, andere naam' },
      ],
      yearOnYear: { previousYear: 2023, rows: [{ level: 'provincie' as const, area: 'Drenthe', previousInView: 3, inView: 2, previousWeighted: 3, weighted: 2 }] },
      whiteSpots: {
        thresholdKm: 15,
        municipalities: [
          { gmCode: 'GM0088', municipality: 'Schiermonnikoog', province: 'Friesland', population: 932, distanceKm: 31.5, nearest: { locationId: first!.location_id, name: first!.name, place: first!.place } },
          { gmCode: 'GM0060', municipality: 'Ameland', province: 'Friesland', population: 3800, distanceKm: null, nearest: null },
        ],
      },
      images: [{ name: 'Figuur 1', png }],
    };
    const extrasPath = join(monitor.scratch, 'extras.xlsx');
    await writeOverview(monitor.data, extrasPath, extras);
    const written = await load(extrasPath);
    const review = sheetOf(written, SHEETS.review);
    expect(review.getRow(2).values).toEqual([undefined, 'P-1', first!.location_id, first!.name, first!.place ?? undefined, second!.location_id, second!.name, undefined, 0.83, 'zelfde organisatie, andere naam']);
    expect(review.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ["'Lijsten'!$C$2:$C$3"] });
    expect(review.getCell('J2').protection?.locked).toBe(false);
    expect(sheetOf(written, SHEETS.yearOnYear).getCell('E2').value).toMatchObject({ formula: 'D2-C2', result: -1 });
    const whiteSpots = sheetOf(written, SHEETS.whiteSpots);
    expect(whiteSpots.getRow(1).values).toEqual([
      undefined, 'Gemeentecode', 'Gemeente', 'Provincie', 'Inwoners', 'Afstand (km)', 'Dichtstbijzijnde steunpunt', 'Plaats van het steunpunt', 'Locatie-id van het steunpunt',
    ]);
    expect(whiteSpots.getRow(2).values).toEqual([undefined, 'GM0088', 'Schiermonnikoog', 'Friesland', 932, 31.5, first!.name, first!.place ?? undefined, first!.location_id]);
    expect(whiteSpots.getRow(3).values).toEqual([undefined, 'GM0060', 'Ameland', 'Friesland', 3800]);
    expect(sheetOf(written, SHEETS.explanation).getImages()).toHaveLength(1);
  });

  describe('formula injection', () => {
    let hostile: MonitorData;
    let hostilePath: string;

    beforeAll(async () => {
      hostile = withInjections(monitor.data);
      hostilePath = join(monitor.scratch, 'hostile.xlsx');
      await writeOverview(hostile, hostilePath);
    });

    it('stores every source text starting with = + - @ as neutralised text, never as a formula', async () => {
      const sheet = sheetOf(await load(hostilePath), SHEETS.locations);
      INJECTIONS.forEach((text, index) => {
        for (const header of ['naam', 'organisatie', 'opmerking']) {
          const cell = sheet.getCell(index + 2, column(header));
          expect(cell.type, header).toBe(ExcelJS.ValueType.String);
          expect(cell.value, header).toBe(`'${text}`);
        }
      });
    });

    it('reads the neutralised texts back as their originals: no changes', async () => {
      const { readFile } = await import('node:fs/promises');
      const result = await readCorrections(await readFile(hostilePath), 'hostile.xlsx', hostile);
      expect(result).toEqual({ changes: [], errors: [], ignoredColumns: [] });
    });
    // That LibreOffice does not evaluate them is checked in recalc.test.ts, in its one LibreOffice run.
  });

  it('gives the same bytes when written again later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
      const first = await overviewBytes(monitor.data);
      vi.setSystemTime(new Date('2026-07-15T17:45:13Z'));
      const second = await overviewBytes(monitor.data);
      expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('encodes every text reversibly, and nothing it writes starts with a risky character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ') }), fc.string(), (risky, plain) => {
        for (const text of [risky, plain, risky + plain]) {
          expect(restoreText(safeText(text))).toBe(text);
          expect(/^[=+\-@\t\r]/.test(safeText(text))).toBe(false);
        }
      }),
    );
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText("'tekst")).toBe("'tekst");
    expect(restoreText("'tekst")).toBe("'tekst");
  });
});
