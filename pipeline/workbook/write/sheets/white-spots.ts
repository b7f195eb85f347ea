/** Witte vlekken: municipalities whose centre lies further than the threshold from any steunpunt. */
import type ExcelJS from 'exceljs';
import { protect, setNumber, setText, writeHeader, writeNothingLine } from '../cells.ts';
import type { WhiteSpots } from '../../extras.ts';
import { SHEETS } from '../../layout.ts';

export function addWhiteSpotsSheet(workbook: ExcelJS.Workbook, whiteSpots: WhiteSpots | undefined): void {
  const sheet = workbook.addWorksheet(SHEETS.whiteSpots);
  if (whiteSpots === undefined) {
    writeNothingLine(sheet, 'De witte vlekken (gemeenten ver van een steunpunt) zijn (nog) niet berekend.');
    protect(sheet);
    return;
  }
  if (whiteSpots.municipalities.length === 0) {
    writeNothingLine(sheet, `Geen witte vlekken: elke gemeente ligt binnen ${whiteSpots.thresholdKm} km van een steunpunt.`);
    protect(sheet);
    return;
  }
  const columns = [
    { header: 'Gemeentecode', width: 14 },
    { header: 'Gemeente', width: 22 },
    { header: 'Provincie', width: 15 },
    { header: 'Inwoners', width: 11 },
    { header: 'Afstand (km)', width: 10 },
    { header: 'Dichtstbijzijnde steunpunt', width: 34 },
    { header: 'Plaats van het steunpunt', width: 18 },
    { header: 'Locatie-id van het steunpunt', width: 16 },
  ];
  writeHeader(sheet, columns);
  whiteSpots.municipalities.forEach((spot, index) => {
    const row = sheet.getRow(index + 2);
    setText(row.getCell(1), spot.gmCode);
    setText(row.getCell(2), spot.municipality);
    setText(row.getCell(3), spot.province);
    setNumber(row.getCell(4), spot.population, '#,##0');
    setNumber(row.getCell(5), spot.distanceKm, '0.0');
    // Centred, so the distance does not run into the name next to it.
    row.getCell(5).alignment = { horizontal: 'center' };
    setText(row.getCell(6), spot.nearest?.name);
    setText(row.getCell(7), spot.nearest?.place);
    setText(row.getCell(8), spot.nearest?.locationId);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: whiteSpots.municipalities.length + 1, column: columns.length } };
  protect(sheet);
}
