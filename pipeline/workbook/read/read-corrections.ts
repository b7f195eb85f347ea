/**
 * Reads an overview workbook (../write/overview.ts) as edited by the working group and returns what it
 * corrects, validated, with every problem named by sheet, row and column. Pure: bytes and the
 * current monitor in, corrections out; nothing is applied or stored here.
 */
import type ExcelJS from 'exceljs';
import { loadWorkbookClass } from '../exceljs-workbook.ts';
import type { ReviewPair } from '../extras.ts';
import { LOCATION_COLUMNS, SHEETS, YEAR_LABEL } from '../layout.ts';
import { MonitorError } from '../../../sources/errors.ts';
import type { MonitorData } from '../../read/read-monitor.ts';
import { columnOf, headerColumns, readCell } from './cells.ts';
import { readLocationsSheet } from './locations.ts';
import { readReviewSheet } from './review.ts';
import type { WorkbookCorrections } from '../../corrections/types.ts';

export interface ReadCorrectionsOptions {
  /** The pairs the workbook was written with: an unknown pair id is an error, a decision it already had is no change. */
  reviewPairs?: readonly ReviewPair[];
}

export async function readCorrections(
  bytes: Uint8Array,
  fileName: string,
  current: MonitorData,
  options: ReadCorrectionsOptions = {},
): Promise<WorkbookCorrections> {
  // Loaded here, when a workbook is read, not with the command's code.
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one of exactly the file's length.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (cause) {
    throw new MonitorError('geen geldig Excel-bestand (xlsx)', { location: { file: fileName }, cause });
  }
  checkYear(workbook, current.year, fileName);
  const locations = readLocationsSheet(workbook, current);
  const review = readReviewSheet(workbook, options.reviewPairs);
  const errors = [...locations.errors, ...review.errors];

  const rowsWithErrors = new Set(errors.filter((error) => error.row !== null).map((error) => `${error.sheet}\u0000${error.row}`));
  const changes = [...locations.changes, ...review.changes].map((change) => ({
    ...change,
    rowHasErrors: change.rowHasErrors || rowsWithErrors.has(`${change.sheet}\u0000${change.row}`),
  }));
  return { changes, errors, ignoredColumns: ignoredColumns(workbook) };
}

/** Columns someone added to Locaties: not read, so nothing in them (a contact person, a phone number) is stored. */
function ignoredColumns(workbook: ExcelJS.Workbook): string[] {
  const sheet = workbook.getWorksheet(SHEETS.locations);
  if (sheet === undefined) return [];
  const headers = headerColumns(sheet);
  const known = new Set(LOCATION_COLUMNS.map((column) => columnOf(headers, [column.label, column.header])));
  return [...headers].filter(([, column]) => !known.has(column)).map(([header]) => header);
}

/**
 * The year on Toelichting must be the year the corrections are read for. Another year's workbook
 * is refused whole, --partial or not: its ids and values belong to another monitor, and a line
 * per row would only bury the one reason.
 */
function checkYear(workbook: ExcelJS.Workbook, year: number, fileName: string): void {
  const sheet = workbook.getWorksheet(SHEETS.explanation);
  if (sheet === undefined) return;
  for (let row = 1; row <= sheet.rowCount; row += 1) {
    const label = readCell(sheet.getCell(row, 1));
    if (label.kind !== 'value' || label.value !== YEAR_LABEL) continue;
    const value = readCell(sheet.getCell(row, 2));
    if (value.kind === 'value' && Number(value.value) === year) return;
    const written = value.kind === 'value' ? `monitorjaar ${String(value.value)}` : 'een onbekend monitorjaar';
    throw new MonitorError(
      `dit overzicht is van ${written} (werkblad ${SHEETS.explanation}, rij ${row}), niet van ${year}; er is niets overgenomen ` +
        `(neem een overzicht van ${year}, gemaakt met 'lsp-monitor report --year ${year}')`,
      { location: { file: fileName } },
    );
  }
}
