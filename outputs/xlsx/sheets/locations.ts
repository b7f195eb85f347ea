/**
 * Locaties: one row per location, then SPARE_LOCATION_ROWS empty rows for new ones. Editable
 * columns are unlocked (also in the spare rows), ids and derived columns locked; grootte and
 * status are dropdowns; gewicht is a formula on grootte and the Parameters sheet.
 */
import type ExcelJS from 'exceljs';
import type { MonitorData } from '../../../pipeline/read-monitor.ts';
import { absoluteRange, columnLetter, protect, setFormula, setNumber, setText, unlock, writeHeader } from '../cells.ts';
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

  for (let rowNumber = 2; rowNumber <= lastRow; rowNumber += 1) {
    const location = data.locations[rowNumber - 2];
    LOCATION_COLUMNS.forEach((column, index) => {
      const cell = sheet.getCell(rowNumber, index + 1);
      if (column.numFmt !== undefined) cell.numFmt = column.numFmt;
      if (column.role === 'editable') unlock(cell);
      if (column.role === 'formula') {
        setFormula(cell, column.formula(rowNumber, refs), location === undefined ? '' : column.value(location, context));
      } else if (location !== undefined) {
        writeContent(cell, column.role === 'id' ? column.value(location) : column.value(location, context));
      }
    });
  }

  LOCATION_COLUMNS.forEach((column, index) => {
    if (column.role === 'editable' && column.list !== undefined) addDropdown(sheet, index + 1, 2, lastRow, column.list);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: LOCATION_COLUMNS.length } };
  protect(sheet);

  return { column: (header) => absoluteRange(SHEETS.locations, letter(header), 2, lastRow) };
}

function writeContent(cell: ExcelJS.Cell, content: CellContent): void {
  if (typeof content === 'number') setNumber(cell, content);
  else setText(cell, content);
}
