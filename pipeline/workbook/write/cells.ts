/** Small helpers shared by the sheet modules: references, safe text, formulas, headers, protection. */
import type ExcelJS from 'exceljs';
import { safeText } from '../../../sources/safe-text.ts';

export interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDDDDD' } };

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A sheet name as a formula reference: always quoted, which Excel and LibreOffice both accept. */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

export function absoluteRange(sheet: string, column: string, firstRow: number, lastRow: number): string {
  return `${sheetRef(sheet)}!$${column}$${firstRow}:$${column}$${lastRow}`;
}

export function absoluteCell(sheet: string, column: string, row: number): string {
  return `${sheetRef(sheet)}!$${column}$${row}`;
}

/** Text from a source: always a string cell, neutralised against formula injection. */
export function setText(cell: ExcelJS.Cell, text: string | null | undefined): void {
  cell.value = text === null || text === undefined || text === '' ? null : safeText(text);
}

export function setNumber(cell: ExcelJS.Cell, value: number | null | undefined, numFmt?: string): void {
  cell.value = value === null || value === undefined || !Number.isFinite(value) ? null : value;
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

/** A formula with its cached result: what the pipeline computed, shown until the sheet recalculates. */
export function setFormula(cell: ExcelJS.Cell, formula: string, result: number | string | null | undefined, numFmt?: string): void {
  cell.value = result === null || result === undefined ? { formula } : { formula, result };
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

/** Header row: bold on grey, wrapped in its column, frozen, with the columns' widths and formats. */
export function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[]): void {
  sheet.columns = columns.map((column) => ({ key: column.header, width: column.width }));
  const header = sheet.getRow(1);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    styleHeaderCell(cell);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.alignment = { wrapText: true, vertical: 'top' };
}

export function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
}

/**
 * Sheet protection without a password: it guards ids and formulas against slips, not against
 * intent (Excel: Controleren → Beveiliging blad opheffen). Filtering and column widths stay allowed.
 */
export function protect(sheet: ExcelJS.Worksheet): void {
  // exceljs sets the protection synchronously inside the returned promise's executor.
  void sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    autoFilter: true,
  });
}

/** A sheet with nothing to show yet: one Dutch line instead of an empty table. */
export function writeNothingLine(sheet: ExcelJS.Worksheet, line: string): void {
  sheet.getColumn(1).width = 90;
  const cell = sheet.getCell('A1');
  cell.value = line;
  cell.font = { italic: true };
}
