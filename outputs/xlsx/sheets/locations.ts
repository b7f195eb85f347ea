/**
 * Locaties: one row per location, then SPARE_LOCATION_ROWS empty rows for new ones. Editable
 * columns are unlocked (also in the spare rows), ids and derived columns locked; grootte and
 * status are dropdowns; gewicht is a formula on grootte and the Parameters sheet.
 */
import type ExcelJS from 'exceljs';
import type { MonitorData } from '../../../pipeline/read-monitor.ts';
import { absoluteRange, columnLetter, protect, setFormula, setNumber, setText, writeHeader } from '../cells.ts';
import { LOCATION_COLUMNS, SHEETS, SPARE_LOCATION_ROWS, locationContext, type CellContent } from '../../../pipeline/workbook/layout.ts';
import { addDropdown } from './lists.ts';
import type { ParameterRefs } from './parameters.ts';

/** Absolute ranges of Locaties columns over every data row (spare rows included), for the coverage formulas. */
export interface LocationRanges {
  column: (header: string) => string;
}

export function addLocationsSheet(workbook: ExcelJS.Workbook, data: MonitorData, parameters: ParameterRefs): LocationRanges {
  const sheet = workbook.addWorksheet(SHEETS.locations);
  writeHeader(sheet, LOCATION_COLUMNS);
  const context = locationContext(data);
  const letter = (header: string): string => {
    const index = LOCATION_COLUMNS.findIndex((column) => column.header === header);
    if (index < 0) throw new Error(`no Locaties column '${header}'`);
    return columnLetter(index + 1);
  };
  const refs = { column: letter, weightKeys: parameters.weightKeys, weightValues: parameters.weightValues };
  const lastRow = data.locations.length + 1 + SPARE_LOCATION_ROWS;

  // One style object per column, set on the column itself and shared by its cells. An empty cell
  // is not written at all: Excel and LibreOffice give it the column's style (editable columns
  // stay open, also in the spare rows). At 100k locations this halves the cells exceljs holds,
  // and exceljs recognises a style object it has seen before instead of serialising each cell's.
  // The shared objects are never changed through a cell.
  const columnStyles = LOCATION_COLUMNS.map((column): Partial<ExcelJS.Style> => ({
    ...(column.numFmt === undefined ? {} : { numFmt: column.numFmt }),
    ...(column.role === 'editable' ? { protection: { locked: false } } : {}),
  }));
  columnStyles.forEach((style, index) => (sheet.getColumn(index + 1).style = style));
  for (let rowNumber = 2; rowNumber <= lastRow; rowNumber += 1) {
    const location = data.locations[rowNumber - 2];
    LOCATION_COLUMNS.forEach((column, index) => {
      if (column.role === 'formula') {
        const cell = styledCell(sheet, rowNumber, index + 1, columnStyles[index]!);
        setFormula(cell, column.formula(rowNumber, refs), location === undefined ? '' : column.value(location, context));
        return;
      }
      if (location === undefined) return;
      const content = column.role === 'id' ? column.value(location) : column.value(location, context);
      if (isEmpty(content)) return;
      writeContent(styledCell(sheet, rowNumber, index + 1, columnStyles[index]!), content);
    });
  }

  LOCATION_COLUMNS.forEach((column, index) => {
    if (column.role === 'editable' && column.list !== undefined) addDropdown(sheet, index + 1, 2, lastRow, column.list);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: LOCATION_COLUMNS.length } };
  protect(sheet);

  return { column: (header) => absoluteRange(SHEETS.locations, letter(header), 2, lastRow) };
}

function styledCell(sheet: ExcelJS.Worksheet, row: number, column: number, style: Partial<ExcelJS.Style>): ExcelJS.Cell {
  const cell = sheet.getCell(row, column);
  cell.style = style;
  return cell;
}

function isEmpty(content: CellContent): boolean {
  return content === null || content === '' || (typeof content === 'number' && !Number.isFinite(content));
}

function writeContent(cell: ExcelJS.Cell, content: CellContent): void {
  if (typeof content === 'number') setNumber(cell, content);
  else setText(cell, content);
}
