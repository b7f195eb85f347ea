/**
 * Print set-up of a sheet: A4 landscape, as wide as one page and as long as it needs, the header
 * row on every page, and the monitor year, the sheet and the page number in the margins.
 */
import type ExcelJS from 'exceljs';

/** Excel's paper size code for A4. */
const A4 = 9;

export interface PrintOptions {
  year: number;
  /** Repeat row 1 on every page (a sheet with a header row). */
  headerRow: boolean;
  /** What is printed, e.g. "B1:K279"; the whole used range when absent. */
  area?: string;
}

export function setPrint(sheet: ExcelJS.Worksheet, options: PrintOptions): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages down as the rows need.
    fitToHeight: 0,
    // Inches, as SpreadsheetML counts them: about 1 cm at the sides, 1.9 cm above and below for the header and footer.
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(options.headerRow ? { printTitlesRow: '1:1' } : {}),
    ...(options.area === undefined ? {} : { printArea: options.area }),
  };
  // &A the sheet's name, &P the page, &N the number of pages.
  sheet.headerFooter = {
    oddHeader: `&LStand van het land ${options.year}&R&A`,
    oddFooter: `&LMonitorjaar ${options.year}&CPagina &P van &N`,
  };
}
