/** Afgewezen: the rows the import could not use, with the reason. */
import type ExcelJS from 'exceljs';
import type { RejectRow } from '../../../read/read-monitor.ts';
import { protect, setNumber, setText, writeHeader, writeNothingLine } from '../cells.ts';
import { SHEETS } from '../../layout.ts';

export function addRejectsSheet(workbook: ExcelJS.Workbook, rejects: readonly RejectRow[]): void {
  const sheet = workbook.addWorksheet(SHEETS.rejects);
  if (rejects.length === 0) {
    writeNothingLine(sheet, 'Er zijn geen afgewezen rijen: elke ingelezen rij is gebruikt.');
    protect(sheet);
    return;
  }
  writeHeader(sheet, [
    { header: 'Bron', width: 14 },
    { header: 'Bestand', width: 30 },
    { header: 'Rij', width: 7 },
    { header: 'Veld', width: 18 },
    { header: 'Reden', width: 80 },
  ]);
  rejects.forEach((reject, index) => {
    const row = sheet.getRow(index + 2);
    setText(row.getCell(1), reject.source);
    setText(row.getCell(2), reject.file_name);
    setNumber(row.getCell(3), reject.row_number, '0');
    setText(row.getCell(4), reject.field);
    setText(row.getCell(5), reject.reason);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rejects.length + 1, column: 5 } };
  protect(sheet);
}
