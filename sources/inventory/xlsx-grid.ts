import type ExcelJS from 'exceljs';
import { MonitorError } from '../errors.ts';
import { HEADER_SEARCH_ROWS } from './build-table.ts';
import { cellText, unreadableCellReason } from './cell-text.ts';
import { fieldForHeader } from './header-synonyms.ts';
import { checkGridLimits } from './grid-limits.ts';
import { DEFAULT_MAX_DATA_ROWS, DEFAULT_MAX_UNPACKED_BYTES } from './limits.ts';
import { shownText } from './shown-text.ts';
import type { RawRow } from './table.ts';
import { checkXlsxArchive } from './zip-limits.ts';
import { plainWorkbook, type PlainSheet } from './xlsx-plain.ts';

export interface XlsxGrid {
  sheet: string;
  /** Non-empty rows only, with their spreadsheet row numbers. */
  rows: RawRow[];
}

/**
 * The rows of one worksheet: the one named (any case), else the first visible one with a name
 * column in its first rows, else the first visible one. The zip is checked for bombs
 * (zip-limits.ts) before anything unpacks it, and the rows against limits.ts. A plain workbook is
 * read from its XML (xlsx-plain.ts); any other, and every refusal, is left to exceljs.
 */
export async function readXlsxGrid(
  file: string,
  bytes: Uint8Array,
  sheetName?: string,
  maxUnpackedBytes: number = DEFAULT_MAX_UNPACKED_BYTES,
  maxDataRows: number = DEFAULT_MAX_DATA_ROWS,
): Promise<XlsxGrid> {
  const grid = plainGrid(checkXlsxArchive(file, bytes, maxUnpackedBytes), sheetName) ?? (await exceljsGrid(file, bytes, sheetName));
  if (grid.rows.length === 0) throw new MonitorError(`werkblad '${shownText(grid.sheet)}' is leeg`, { location: { file } });
  checkGridLimits(file, grid.rows, maxDataRows);
  return grid;
}

/** The sheet as readXlsxGrid picks it, read by xlsx-plain.ts; undefined when exceljs must read the file. */
export function plainGrid(entries: ReadonlyMap<string, Uint8Array>, sheetName: string | undefined): XlsxGrid | undefined {
  const sheets = plainWorkbook(entries);
  if (sheets === undefined) return undefined;
  let picked: PlainSheet | undefined;
  if (sheetName !== undefined) picked = sheets.find((sheet) => sheet.name.toLowerCase() === sheetName.trim().toLowerCase());
  else {
    const visible = sheets.filter((sheet) => !sheet.hidden);
    for (const sheet of visible) {
      const rows = sheet.rows();
      if (rows === undefined) return undefined;
      if (rows.some(({ row, cells }) => row <= HEADER_SEARCH_ROWS && cells.some((cell) => fieldForHeader(cell.trim()) === 'name'))) {
        picked = sheet;
        break;
      }
    }
    picked ??= visible[0];
  }
  const rows = picked?.rows();
  return picked === undefined || rows === undefined ? undefined : { sheet: picked.name, rows };
}

/** The sheet as exceljs reads it; exceljs also words the refusals (no such sheet, not a workbook). */
export async function exceljsGrid(file: string, bytes: Uint8Array, sheetName: string | undefined): Promise<XlsxGrid> {
  const workbook = await loadWorkbook(file, bytes);
  const worksheet = pickWorksheet(file, workbook, sheetName);
  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const unreadable = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell.value);
      const reason = unreadableCellReason(cell.value);
      if (reason !== undefined) unreadable.set(columnNumber - 1, reason);
    });
    const dense = Array.from(cells, (cell) => cell ?? '');
    if (dense.some((cell) => cell.trim() !== '') || unreadable.size > 0) {
      rows.push({ row: rowNumber, cells: dense, ...(unreadable.size === 0 ? {} : { unreadable }) });
    }
  });
  return { sheet: worksheet.name, rows };
}

async function loadWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // Loaded when a workbook is read, not with the command's code (the bundle gives this CommonJS package only its default).
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one of exactly the file's length.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (cause) {
    throw new MonitorError('geen geldig Excel-bestand (xlsx)', { location: { file }, cause });
  }
  return workbook;
}

function pickWorksheet(file: string, workbook: ExcelJS.Workbook, sheetName: string | undefined): ExcelJS.Worksheet {
  const worksheets = workbook.worksheets;
  if (sheetName !== undefined) {
    const wanted = sheetName.trim().toLowerCase();
    const found = worksheets.find((worksheet) => worksheet.name.toLowerCase() === wanted);
    if (found !== undefined) return found;
    const names = worksheets.map((worksheet) => shownText(worksheet.name)).join(', ');
    throw new MonitorError(`werkblad '${shownText(sheetName)}' niet gevonden (werkbladen: ${names})`, { location: { file } });
  }
  const visible = worksheets.filter((worksheet) => worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden');
  if (visible.length === 0) throw new MonitorError('geen zichtbaar werkblad gevonden', { location: { file } });
  // The monitor's own overview opens with its Toelichting: the list is the first sheet with a name column.
  return visible.find(hasNameHeader) ?? visible[0]!;
}

function hasNameHeader(worksheet: ExcelJS.Worksheet): boolean {
  for (let rowNumber = 1; rowNumber <= Math.min(worksheet.rowCount, HEADER_SEARCH_ROWS); rowNumber += 1) {
    const cells = worksheet.getRow(rowNumber).values;
    if (Array.isArray(cells) && cells.some((value) => fieldForHeader(cellText(value ?? null).trim()) === 'name')) return true;
  }
  return false;
}
