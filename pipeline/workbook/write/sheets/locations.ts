/**
 * Locaties: one row per location, then SPARE_LOCATION_ROWS empty rows for new ones. Editable
 * columns are unlocked (also in the spare rows), ids and derived columns locked; grootte and
 * status are dropdowns; gewicht is a formula on grootte and the Parameters sheet.
 */
import type ExcelJS from 'exceljs';
import type { MonitorData } from '../../../read/read-monitor.ts';
import { absoluteRange, columnLetter, protect, writeHeader } from '../cells.ts';
import type { DirectCell, DirectRows } from '../direct-rows.ts';
import { safeText } from '../../../../sources/safe-text.ts';
import { LOCATION_COLUMNS, SHEETS, SPARE_LOCATION_ROWS, locationContext, printedLocationColumns, type CellContent } from '../../layout.ts';
import { addDropdown } from './lists.ts';
import type { ParameterRefs } from './parameters.ts';

/** Absolute ranges of Locaties columns over every data row (spare rows included), for the coverage formulas. */
export interface LocationRanges {
  column: (header: string) => string;
}

/**
 * The sheet as exceljs writes it (header, column widths and styles, dropdowns, filter,
 * protection) and its rows, which are written directly (direct-rows.ts) into it.
 */
export function addLocationsSheet(
  workbook: ExcelJS.Workbook,
  data: MonitorData,
  parameters: ParameterRefs,
): { ranges: LocationRanges; rows: DirectRows; printArea: string } {
  const sheet = workbook.addWorksheet(SHEETS.locations);
  writeHeader(sheet, LOCATION_COLUMNS.map((column) => ({ header: column.label, width: column.width })));
  const context = locationContext(data);
  const letter = (header: string): string => {
    const index = LOCATION_COLUMNS.findIndex((column) => column.header === header);
    if (index < 0) throw new Error(`no Locaties column '${header}'`);
    return columnLetter(index + 1);
  };
  const refs = { column: letter, weightKeys: parameters.weightKeys, weightValues: parameters.weightValues };
  const lastRow = data.locations.length + 1 + SPARE_LOCATION_ROWS;

  // Each cell takes its column's style, and an empty cell is not written at all: Excel and
  // LibreOffice give it the column's style, so editable columns stay open in the spare rows.
  LOCATION_COLUMNS.forEach((column, index) => {
    const isNumber = column.numFmt !== undefined && column.numFmt !== '@';
    sheet.getColumn(index + 1).style = {
      ...(column.numFmt === undefined ? {} : { numFmt: column.numFmt }),
      // Centred, so a number does not run into the text of the next column on paper.
      ...(isNumber ? { alignment: { horizontal: 'center' } } : {}),
      ...(column.role === 'editable' ? { protection: { locked: false } } : {}),
    };
    if (column.role === 'editable' && column.list !== undefined) addDropdown(sheet, index + 1, 2, lastRow, column.list);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: LOCATION_COLUMNS.length } };
  protect(sheet);

  const cells = (rowNumber: number): DirectCell[] => {
    const location = data.locations[rowNumber - 2];
    return LOCATION_COLUMNS.map((column): DirectCell => {
      if (column.role === 'formula') {
        return { formula: column.formula(rowNumber, refs), result: location === undefined ? '' : column.value(location, context) };
      }
      if (location === undefined) return null;
      return cellOf(column.role === 'id' ? column.value(location) : column.value(location, context));
    });
  };
  // On paper: the printed columns of the listed locations, not the spare rows (see the Toelichting).
  const printed = printedLocationColumns();
  return {
    ranges: { column: memoised((header) => absoluteRange(SHEETS.locations, letter(header), 2, lastRow)) },
    rows: { worksheetId: sheet.id, firstRow: 2, lastRow, cells },
    // exceljs puts a $ before each corner as given; the rows' own $ make the range absolute, which LibreOffice needs.
    printArea: `${columnLetter(printed.first)}$1:${columnLetter(printed.last)}$${data.locations.length + 1}`,
  };
}

/** The coverage sheets ask for the same few ranges in every formula of every row. */
function memoised(make: (header: string) => string): (header: string) => string {
  const made = new Map<string, string>();
  return (header) => {
    let range = made.get(header);
    if (range === undefined) made.set(header, (range = make(header)));
    return range;
  };
}

/** Source text as a neutralised string cell, numbers as numbers; nothing for an empty value. */
function cellOf(content: CellContent): DirectCell {
  if (content === null || content === '') return null;
  if (typeof content === 'number') return Number.isFinite(content) ? content : null;
  return safeText(content);
}
