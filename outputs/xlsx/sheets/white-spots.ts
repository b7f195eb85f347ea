/** Witte vlekken: municipalities whose centre lies further than the threshold from any steunpunt. */
import type ExcelJS from 'exceljs';
import { protect, setNumber, setText, writeHeader, writeNothingLine } from '../cells.ts';
import type { WhiteSpots } from '../../../pipeline/workbook/extras.ts';
import { SHEETS } from '../../../pipeline/workbook/layout.ts';

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
  writeHeader(sheet, [
    { header: 'gemeentecode', width: 13 },
    { header: 'gemeente', width: 24 },
    { header: 'provincie', width: 15 },
    { header: 'inwoners', width: 12 },
    { header: 'afstand_km', width: 11 },
    { header: 'dichtstbijzijnde_locatie', width: 22 },
  ]);
  whiteSpots.municipalities.forEach((spot, index) => {
    const row = sheet.getRow(index + 2);
    setText(row.getCell(1), spot.gmCode);
    setText(row.getCell(2), spot.municipality);
    setText(row.getCell(3), spot.province);
    setNumber(row.getCell(4), spot.population, '#,##0');
    setNumber(row.getCell(5), spot.distanceKm, '0.0');
    setText(row.getCell(6), spot.nearestLocationId);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: whiteSpots.municipalities.length + 1, column: 6 } };
  protect(sheet);
}
