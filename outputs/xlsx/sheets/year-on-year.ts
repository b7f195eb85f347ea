/** Jaar-op-jaar: steunpunten in view and weighted per area, previous year against this year. */
import type ExcelJS from 'exceljs';
import { protect, setFormula, setNumber, setText, writeHeader, writeNothingLine } from '../cells.ts';
import type { YearOnYear } from '../../../pipeline/workbook/extras.ts';
import { SHEETS } from '../../../pipeline/workbook/layout.ts';

export function addYearOnYearSheet(workbook: ExcelJS.Workbook, year: number, yearOnYear: YearOnYear | undefined): void {
  const sheet = workbook.addWorksheet(SHEETS.yearOnYear);
  if (yearOnYear === undefined || yearOnYear.rows.length === 0) {
    writeNothingLine(sheet, `Er is (nog) geen eerder monitorjaar om ${year} mee te vergelijken.`);
    protect(sheet);
    return;
  }
  const previous = yearOnYear.previousYear;
  writeHeader(sheet, [
    { header: 'niveau', width: 11 },
    { header: 'gebied', width: 30 },
    { header: `in_beeld_${previous}`, width: 13 },
    { header: `in_beeld_${year}`, width: 13 },
    { header: 'verschil_in_beeld', width: 16 },
    { header: `gewogen_${previous}`, width: 13 },
    { header: `gewogen_${year}`, width: 13 },
    { header: 'verschil_gewogen', width: 16 },
  ]);
  yearOnYear.rows.forEach((entry, index) => {
    const rowNumber = index + 2;
    const row = sheet.getRow(rowNumber);
    setText(row.getCell(1), entry.level);
    setText(row.getCell(2), entry.area);
    setNumber(row.getCell(3), entry.previousInView, '0');
    setNumber(row.getCell(4), entry.inView, '0');
    if (entry.previousInView !== null) setFormula(row.getCell(5), `D${rowNumber}-C${rowNumber}`, entry.inView - entry.previousInView, '+0;-0;0');
    setNumber(row.getCell(6), entry.previousWeighted, '0.0');
    setNumber(row.getCell(7), entry.weighted, '0.0');
    if (entry.previousWeighted !== null) {
      setFormula(row.getCell(8), `G${rowNumber}-F${rowNumber}`, entry.weighted - entry.previousWeighted, '+0.0;-0.0;0.0');
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: yearOnYear.rows.length + 1, column: 8 } };
  protect(sheet);
}
