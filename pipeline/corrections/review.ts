/** Reading the decisions on Te beoordelen: per pair, zelfde or verschillend (empty: not decided). */
import type ExcelJS from 'exceljs';
import type { ReviewPair } from '../workbook/extras.ts';
import { LISTS, REVIEW_HEADERS, SHEETS } from '../workbook/layout.ts';
import { describeCell, headerColumns, readCell, type ReadCell } from './cells.ts';
import { correctionError, type Correction, type CorrectionError, type CorrectionsResult } from './types.ts';

const SHEET = SHEETS.review;

export function readReviewSheet(workbook: ExcelJS.Workbook, pairs: readonly ReviewPair[] | undefined): CorrectionsResult {
  const sheet = workbook.getWorksheet(SHEET);
  if (sheet === undefined) return { changes: [], errors: [correctionError(SHEET, null, null, 'het werkblad ontbreekt')] };
  const headers = headerColumns(sheet);
  // Without a header the sheet only says there is nothing to review.
  if (!headers.has(REVIEW_HEADERS.pairId)) return { changes: [], errors: [] };
  const missing = Object.values(REVIEW_HEADERS).filter((header) => !headers.has(header));
  if (missing.length > 0) {
    return { changes: [], errors: missing.map((header) => correctionError(SHEET, 1, header, 'de kolom ontbreekt; wijzig de kopjes niet')) };
  }
  const cell = (row: number, header: string): ReadCell => readCell(sheet.getCell(row, headers.get(header) ?? 0));
  const text = (row: number, header: string): string | null => {
    const read = cell(row, header);
    return read.kind === 'value' ? String(read.value) : null;
  };
  const byId = new Map((pairs ?? []).map((pair) => [pair.pairId, pair]));

  const changes: Correction[] = [];
  const errors: CorrectionError[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const pairId = text(row, REVIEW_HEADERS.pairId);
    if (pairId === null) continue;
    const fail = (header: string, reason: string) => errors.push(correctionError(SHEET, row, header, reason));
    const known = byId.get(pairId);
    if (pairs !== undefined && known === undefined) {
      fail(REVIEW_HEADERS.pairId, `onbekend paar ${pairId}; paar_id is niet bewerkbaar`);
      continue;
    }
    if (known !== undefined) {
      for (const [header, expected] of [
        [REVIEW_HEADERS.idA, known.a.locationId],
        [REVIEW_HEADERS.idB, known.b.locationId],
      ] as const) {
        const now = text(row, header);
        if (now !== expected) fail(header, `deze kolom is niet bewerkbaar (was ${expected ?? 'leeg'}, nu ${now ?? 'leeg'})`);
      }
    }
    const decisionCell = cell(row, REVIEW_HEADERS.decision);
    if (decisionCell.kind === 'empty') continue;
    if (decisionCell.kind !== 'value') {
      fail(REVIEW_HEADERS.decision, `hier staat ${decisionCell.kind === 'formula' ? `een formule (${describeCell(decisionCell)})` : decisionCell.what}; kies zelfde of verschillend`);
      continue;
    }
    const wanted = String(decisionCell.value).trim().toLowerCase();
    const decision = LISTS.beslissing.find((option) => option === wanted);
    if (decision === undefined) {
      fail(REVIEW_HEADERS.decision, `'${decisionCell.value}' staat niet in de keuzelijst (toegestaan: ${LISTS.beslissing.join(', ')})`);
      continue;
    }
    if (known?.decision === decision) continue;
    changes.push({
      kind: 'review-decision',
      sheet: SHEET,
      row,
      rowHasErrors: false,
      pairId,
      locationA: known?.a.locationId ?? text(row, REVIEW_HEADERS.idA),
      locationB: known?.b.locationId ?? text(row, REVIEW_HEADERS.idB),
      decision,
    });
  }
  return { changes, errors };
}
