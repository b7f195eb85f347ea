/** Reading the decisions on Te beoordelen: per pair, zelfde or verschillend (empty: not decided). */
import type ExcelJS from 'exceljs';
import type { ReviewPair } from '../extras.ts';
import { LISTS, REVIEW_HEADERS, REVIEW_KEYS, SHEETS, type ReviewColumn } from '../layout.ts';
import { columnOf, describeCell, headerColumns, readCell, type ReadCell } from './cells.ts';
import { correctionError, type Correction, type CorrectionError, type CorrectionsResult } from '../../corrections/types.ts';

const SHEET = SHEETS.review;

export function readReviewSheet(workbook: ExcelJS.Workbook, pairs: readonly ReviewPair[] | undefined): CorrectionsResult {
  const sheet = workbook.getWorksheet(SHEET);
  if (sheet === undefined) return { changes: [], errors: [correctionError(SHEET, null, null, 'het werkblad ontbreekt')] };
  const headers = headerColumns(sheet);
  const names = Object.keys(REVIEW_HEADERS) as ReviewColumn[];
  const columns = new Map(names.map((name) => [name, columnOf(headers, [REVIEW_HEADERS[name], REVIEW_KEYS[name]])]));
  // Without a header the sheet only says there is nothing to review.
  if (columns.get('pairId') === undefined) return { changes: [], errors: [] };
  const missing = names.filter((name) => columns.get(name) === undefined);
  if (missing.length > 0) {
    return { changes: [], errors: missing.map((name) => correctionError(SHEET, 1, REVIEW_HEADERS[name], 'de kolom ontbreekt; wijzig de kopjes niet')) };
  }
  const cell = (row: number, name: ReviewColumn): ReadCell => readCell(sheet.getCell(row, columns.get(name) ?? 0));
  const text = (row: number, name: ReviewColumn): string | null => {
    const read = cell(row, name);
    return read.kind === 'value' ? String(read.value) : null;
  };
  const byId = new Map((pairs ?? []).map((pair) => [pair.pairId, pair]));

  const changes: Correction[] = [];
  const errors: CorrectionError[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const pairId = text(row, 'pairId');
    if (pairId === null) continue;
    const fail = (name: ReviewColumn, reason: string) => errors.push(correctionError(SHEET, row, REVIEW_HEADERS[name], reason));
    const known = byId.get(pairId);
    if (pairs !== undefined && known === undefined) {
      fail('pairId', `onbekend paar ${pairId}; paar_id is niet bewerkbaar`);
      continue;
    }
    if (known !== undefined) {
      for (const [header, expected] of [
        ['idA', known.a.locationId],
        ['idB', known.b.locationId],
      ] as const) {
        const now = text(row, header);
        if (now !== expected) fail(header, `deze kolom is niet bewerkbaar (was ${expected ?? 'leeg'}, nu ${now ?? 'leeg'})`);
      }
    }
    const decisionCell = cell(row, 'decision');
    if (decisionCell.kind === 'empty') continue;
    if (decisionCell.kind !== 'value') {
      fail('decision', `hier staat ${decisionCell.kind === 'formula' ? `een formule (${describeCell(decisionCell)})` : decisionCell.what}; kies zelfde of verschillend`);
      continue;
    }
    const wanted = String(decisionCell.value).trim().toLowerCase();
    const decision = LISTS.beslissing.find((option) => option === wanted);
    if (decision === undefined) {
      fail('decision', `'${decisionCell.value}' staat niet in de keuzelijst (toegestaan: ${LISTS.beslissing.join(', ')})`);
      continue;
    }
    if (known?.decision === decision) continue;
    changes.push({
      kind: 'review-decision',
      sheet: SHEET,
      row,
      rowHasErrors: false,
      pairId,
      locationA: known?.a.locationId ?? text(row, 'idA'),
      locationB: known?.b.locationId ?? text(row, 'idB'),
      decision,
    });
  }
  return { changes, errors };
}
