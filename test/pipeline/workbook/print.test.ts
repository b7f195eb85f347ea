/**
 * The overview as the working group reads it on screen and on paper: Dutch headers, rows tall
 * enough for their wrapped text, and a print set-up that LibreOffice turns into a bounded number
 * of readable A4 pages (the overview once printed on 124 pages, Locaties at a quarter of its size).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCATION_COLUMNS, SHEETS, printedLocationColumns } from '../../../pipeline/workbook/layout.ts';
import { writeOverview } from '../../../pipeline/workbook/write/overview.ts';
import { wrappedLines } from '../../../pipeline/workbook/write/row-height.ts';
import { columnLetter } from '../../../pipeline/workbook/write/cells.ts';
import { findSoffice, SOFFICE_MISSING } from '../../helpers/libreoffice.ts';
import { buildMonitor2024, type Monitor2024 } from './monitor-2024.ts';

const run = promisify(execFile);
const soffice = findSoffice();

async function hasPoppler(): Promise<boolean> {
  try {
    await run('pdftotext', ['-v']);
    return true;
  } catch {
    return false;
  }
}
const poppler = await hasPoppler();

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('the overview on screen and on paper', () => {
  let monitor: Monitor2024;
  let path: string;
  let workbook: ExcelJS.Workbook;
  const extras = () => {
    const [first] = monitor.data.locations;
    return {
      whiteSpots: {
        thresholdKm: 15,
        municipalities: [
          { gmCode: 'GM0088', municipality: 'Schiermonnikoog', province: 'Friesland', population: 932, distanceKm: 31.5, nearest: { locationId: first!.location_id, name: first!.name, place: first!.place } },
        ],
      },
    };
  };

  beforeAll(async () => {
    monitor = await buildMonitor2024();
    path = join(monitor.scratch, 'overzicht.xlsx');
    await writeOverview(monitor.data, path, extras());
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
  });

  it('prints every visible sheet on A4 landscape, one page wide, with the header row, year and page numbers on every page', () => {
    const visible = workbook.worksheets.filter((sheet) => sheet.state === 'visible');
    expect(visible.map((sheet) => sheet.name)).not.toContain(SHEETS.lists);
    for (const sheet of visible) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.margins, sheet.name).toMatchObject({ left: 0.4, right: 0.4, top: 0.75, bottom: 0.75 });
      expect(sheet.headerFooter.oddHeader, sheet.name).toBe('&LStand van het land 2024&R&A');
      expect(sheet.headerFooter.oddFooter, sheet.name).toBe('&LMonitorjaar 2024&CPagina &P van &N');
    }
    // A sheet that says in one line that it has nothing has no header row to repeat; Toelichting's title is not repeated.
    const withHeader = [SHEETS.locations, SHEETS.provinces, SHEETS.regions, SHEETS.municipalities, SHEETS.parameters, SHEETS.whiteSpots];
    for (const sheet of visible) {
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe(withHeader.includes(sheet.name as (typeof withHeader)[number]) ? '1:1' : undefined);
    }
  });

  it('prints on Locaties the columns a working group reads, of the listed locations only', () => {
    const printed = printedLocationColumns();
    expect(printed.labels).toEqual(['Naam', 'Organisatie', 'Plaats', 'Gemeente', 'Grootte', 'Gewicht', 'Status', 'Dagdelen per week', 'Bezoekers per week', 'Opmerking']);
    // exceljs reads the range back without the $ signs it is stored with.
    const area = `${columnLetter(printed.first)}1:${columnLetter(printed.last)}${monitor.data.locations.length + 1}`;
    expect(sheetOf(workbook, SHEETS.locations).pageSetup.printArea).toBe(area);
    const explanation = sheetOf(workbook, SHEETS.explanation).getColumn(2).values.filter((value): value is string => typeof value === 'string');
    expect(explanation.some((text) => text.includes(`Van Locaties worden alleen de kolommen ${printed.labels.slice(0, -1).join(', ')} en Opmerking`))).toBe(true);
  });

  it('shows Dutch headers, no CSV column names, on every visible sheet', () => {
    for (const sheet of workbook.worksheets.filter((entry) => entry.state === 'visible')) {
      sheet.getRow(1).eachCell((cell) => {
        const shown = typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value ? String(cell.result) : String(cell.value);
        expect(shown, `${sheet.name}!${cell.address}`).not.toMatch(/_/);
        if (sheet.name !== SHEETS.explanation) expect(shown, `${sheet.name}!${cell.address}`).toMatch(/^[A-Z]/);
      });
    }
    expect(sheetOf(workbook, SHEETS.locations).getRow(1).values).toEqual([undefined, ...LOCATION_COLUMNS.map((column) => column.label)]);
    expect(sheetOf(workbook, SHEETS.provinces).getCell('J1').result).toBe('Gewenst bij 15%');
  });

  it('makes every row with wrapped text as tall as its lines', () => {
    const explanation = sheetOf(workbook, SHEETS.explanation);
    const width = explanation.getColumn(2).width!;
    let tall = 0;
    explanation.eachRow((row) => {
      const text = row.getCell(2).value;
      if (typeof text !== 'string') return;
      const lines = wrappedLines(text, width);
      if (lines > 1) tall += 1;
      expect(row.height ?? 15, text).toBeGreaterThanOrEqual(lines * 15);
    });
    expect(tall).toBeGreaterThan(3);
    expect(sheetOf(workbook, SHEETS.locations).getRow(1).height).toBeGreaterThanOrEqual(30);
  });

  it('estimates wrapped lines word by word, a word longer than the column over several lines', () => {
    expect(wrappedLines('', 20)).toBe(1);
    expect(wrappedLines('kort', 20)).toBe(1);
    expect(wrappedLines('een twee drie vier vijf zes zeven acht', 11)).toBe(4);
    expect(wrappedLines('a'.repeat(25), 11)).toBe(3);
    expect(wrappedLines('eerste regel\ntweede', 40)).toBe(2);
  });

  it.skipIf(soffice === null || !poppler)('turns into at most 30 readable pages in LibreOffice', async () => {
    const out = join(monitor.scratch, 'pdf');
    const profile = join(monitor.scratch, 'profiel');
    mkdirSync(out);
    await run(soffice!, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', out, path], { timeout: 180_000 });
    const [pdf] = readdirSync(out).filter((name) => name.endsWith('.pdf'));
    expect(pdf).toBeDefined();
    const { stdout: info } = await run('pdfinfo', [join(out, pdf!)]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(10);
    expect(pages).toBeLessThanOrEqual(30);

    // The first location's name on paper: its words as tall as text of at least 7 points (11-point text at 64% or more).
    const { stdout: boxes } = await run('pdftotext', ['-bbox', join(out, pdf!), '-'], { maxBuffer: 64 * 1024 * 1024 });
    const firstWord = monitor.data.locations[0]!.name.split(' ')[0]!;
    const heights = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .filter((match) => match[3] === firstWord)
      .map((match) => Number(match[2]) - Number(match[1]));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.max(...heights)).toBeGreaterThanOrEqual(7);
  }, 240_000);

  if (soffice === null) it.skip(SOFFICE_MISSING, () => {});
  else if (!poppler) it.skip('pdfinfo/pdftotext (poppler-utils) not found; install poppler-utils to count and measure the printed pages', () => {});
});
