/** Te beoordelen: doubtful duplicate pairs; people choose zelfde or verschillend in beslissing. */
import type ExcelJS from 'exceljs';
import { protect, setNumber, setText, unlock, writeHeader, writeNothingLine } from '../cells.ts';
import type { ReviewPair } from '../../extras.ts';
import { REVIEW_HEADERS, SHEETS } from '../../layout.ts';
import { addDropdown } from './lists.ts';

const COLUMNS = [
  { header: REVIEW_HEADERS.pairId, width: 16 },
  { header: REVIEW_HEADERS.idA, width: 16 },
  { header: REVIEW_HEADERS.nameA, width: 32 },
  { header: REVIEW_HEADERS.placeA, width: 16 },
  { header: REVIEW_HEADERS.idB, width: 16 },
  { header: REVIEW_HEADERS.nameB, width: 32 },
  { header: REVIEW_HEADERS.placeB, width: 16 },
  { header: REVIEW_HEADERS.score, width: 8, numFmt: '0.00' },
  { header: REVIEW_HEADERS.reason, width: 44 },
  { header: REVIEW_HEADERS.decision, width: 14 },
];

export function addReviewSheet(workbook: ExcelJS.Workbook, pairs: readonly ReviewPair[] | undefined): void {
  const sheet = workbook.addWorksheet(SHEETS.review);
  if (pairs === undefined || pairs.length === 0) {
    writeNothingLine(sheet, 'Er zijn (nog) geen mogelijke dubbele locaties om te beoordelen.');
    protect(sheet);
    return;
  }
  writeHeader(sheet, COLUMNS);
  pairs.forEach((pair, index) => {
    const row = sheet.getRow(index + 2);
    setText(row.getCell(1), pair.pairId);
    setText(row.getCell(2), pair.a.locationId);
    setText(row.getCell(3), pair.a.name);
    setText(row.getCell(4), pair.a.place);
    setText(row.getCell(5), pair.b.locationId);
    setText(row.getCell(6), pair.b.name);
    setText(row.getCell(7), pair.b.place);
    setNumber(row.getCell(8), pair.score, '0.00');
    setText(row.getCell(9), pair.reason);
    const decision = row.getCell(10);
    decision.value = pair.decision ?? null;
    unlock(decision);
  });
  addDropdown(sheet, COLUMNS.length, 2, pairs.length + 1, 'beslissing');
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: pairs.length + 1, column: COLUMNS.length } };
  protect(sheet);
}
