/** Lijsten: the hidden sheet with the dropdown lists, one column per list. */
import type ExcelJS from 'exceljs';
import { absoluteRange, columnLetter, protect, styleHeaderCell } from '../cells.ts';
import { LISTS, SHEETS, type ListName } from '../../layout.ts';

const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** The absolute range of a list's values, for a data validation. */
export function listRange(name: ListName): string {
  const column = columnLetter(LIST_NAMES.indexOf(name) + 1);
  return absoluteRange(SHEETS.lists, column, 2, LISTS[name].length + 1);
}

export function addListsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEETS.lists, { state: 'hidden' });
  LIST_NAMES.forEach((name, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = 16;
    styleHeaderCell(sheet.getCell(1, index + 1));
    sheet.getCell(1, index + 1).value = name;
    LISTS[name].forEach((value, position) => {
      sheet.getCell(position + 2, index + 1).value = value;
    });
  });
  protect(sheet);
  return sheet;
}

/**
 * A dropdown on rows firstRow..lastRow of a column; a value outside the list is refused with a
 * Dutch message. Set per cell (exceljs merges equal neighbours into one range when writing).
 */
export function addDropdown(sheet: ExcelJS.Worksheet, column: number, firstRow: number, lastRow: number, list: ListName): void {
  const validation: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [listRange(list)],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ongeldige waarde',
    error: `Kies een waarde uit de lijst: ${LISTS[list].join(', ')}.`,
    showInputMessage: true,
    promptTitle: list,
    prompt: `Kies: ${LISTS[list].join(', ')}`,
  };
  if (lastRow < firstRow) return;
  // One range, not a validation per cell (which would also create every cell).
  rangeValidations(sheet).add(`${columnLetter(column)}${firstRow}:${columnLetter(column)}${lastRow}`, validation);
}

/** exceljs keeps validations by cell or by range; its type declarations only show the per-cell form. */
function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}
