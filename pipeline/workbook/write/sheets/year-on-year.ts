/** Jaar-op-jaar: steunpunten in view and weighted per area, previous year against this year. */
import type ExcelJS from 'exceljs';
import { protect, setFormula, setNumber, setText, writeHeader, writeNothingLine } from '../cells.ts';
import type { YearOnYear, YearOnYearParts } from '../../extras.ts';
import { SHEETS } from '../../layout.ts';

/** The parts of the change in view (YearOnYearParts), shown when the rows carry them. */
const PART_COLUMNS = [
  { header: 'Door de methode', width: 12, value: (parts: YearOnYearParts) => parts.methodEffect, format: '+0;-0;0' },
  { header: 'Nieuw in beeld', width: 12, value: (parts: YearOnYearParts) => parts.opened, format: '0' },
  { header: 'Niet meer in beeld', width: 12, value: (parts: YearOnYearParts) => parts.closed, format: '0' },
  { header: 'Verhuisd', width: 10, value: (parts: YearOnYearParts) => parts.moved, format: '+0;-0;0' },
] as const;

export function addYearOnYearSheet(
  workbook: ExcelJS.Workbook,
  year: number,
  yearOnYear: YearOnYear | undefined,
): void {
  const sheet = workbook.addWorksheet(SHEETS.yearOnYear);
  if (yearOnYear === undefined || yearOnYear.rows.length === 0) {
    writeNothingLine(sheet, `Er is (nog) geen eerder monitorjaar om ${year} mee te vergelijken.`);
    protect(sheet);
    return;
  }
  const previous = yearOnYear.previousYear;
  const withParts = yearOnYear.rows.some((entry) => entry.parts != null);
  writeHeader(sheet, [
    { header: 'Niveau', width: 11 },
    { header: 'Gebied', width: 30 },
    { header: `In beeld ${previous}`, width: 11 },
    { header: `In beeld ${year}`, width: 11 },
    { header: 'Verschil in beeld', width: 11 },
    { header: `Gewogen ${previous}`, width: 11 },
    { header: `Gewogen ${year}`, width: 11 },
    { header: 'Verschil gewogen', width: 11 },
    ...(withParts ? PART_COLUMNS : []),
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
    const parts = entry.parts;
    if (parts != null) PART_COLUMNS.forEach((column, offset) => setNumber(row.getCell(9 + offset), column.value(parts), column.format));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: yearOnYear.rows.length + 1, column: withParts ? 8 + PART_COLUMNS.length : 8 } };
  protect(sheet);
}
