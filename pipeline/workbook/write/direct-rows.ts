/**
 * Rows of a large sheet written as SpreadsheetML directly. exceljs keeps an object per cell and
 * renders it through several layers; at 100k locations the Locaties sheet alone took most of the
 * overview's 13–16 s and a gigabyte, and the few thousand formulas of the coverage sheets most of
 * the 2024 overview's time. exceljs still writes the sheet itself (header, column widths and
 * styles, dropdowns, filter, protection, a total row); these rows are put among its rows in
 * <sheetData> afterwards, each cell with its column's style.
 */
import { columnLetter } from './cells.ts';

export type DirectCell = string | number | { formula: string; result: string | number | null } | null;

export interface DirectRows {
  /** exceljs's id of the worksheet (its part is xl/worksheets/sheet<id>.xml). */
  worksheetId: number;
  firstRow: number;
  lastRow: number;
  /** The cells of one row, one per column from A. */
  cells: (row: number) => readonly DirectCell[];
}

export function worksheetPart(rows: DirectRows): string {
  return `xl/worksheets/sheet${rows.worksheetId}.xml`;
}

/**
 * The worksheet XML exceljs wrote, with the rows put among its own (before the first of its rows
 * below them) and the dimension widened to hold them, as UTF-8 bytes: at a million locations the
 * sheet is longer than a JavaScript string may be, so the rows are encoded in batches.
 */
export function withDirectRows(sheetXml: string, rows: DirectRows): Uint8Array {
  const styles = columnStyles(sheetXml);
  const [head, tail] = splitAtRows(sheetXml, rows.lastRow);

  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let lastColumn = 1;
  for (let row = rows.firstRow; row <= rows.lastRow; row += 1) {
    const cells = rows.cells(row);
    batch.push(`<row r="${row}">`);
    cells.forEach((cell, index) => {
      if (cell !== null) batch.push(cellXml(`${columnLetter(index + 1)}${row}`, styles.get(index + 1) ?? 0, cell));
    });
    batch.push('</row>');
    lastColumn = Math.max(lastColumn, cells.length);
    if ((row - rows.firstRow + 1) % ROWS_PER_CHUNK === 0) {
      chunks.push(Buffer.from(batch.join(''), 'utf8'));
      batch = [];
    }
  }
  chunks.push(Buffer.from(batch.join(''), 'utf8'));
  const widened = head.replace(DIMENSION, (_, column: string, row: string) => {
    const columns = Math.max(columnNumber(column), lastColumn);
    return `<dimension ref="A1:${columnLetter(columns)}${Math.max(Number(row), rows.lastRow)}"/>`;
  });
  return Buffer.concat([Buffer.from(widened, 'utf8'), ...chunks, Buffer.from(tail, 'utf8')]);
}

const DIMENSION = /<dimension ref="A1:([A-Z]+)(\d+)"\/>/;

/** The sheet before and after the place of the direct rows: before exceljs's first row below `lastRow`, or at the end of <sheetData>. */
function splitAtRows(sheetXml: string, lastRow: number): [string, string] {
  const empty = sheetXml.indexOf('<sheetData/>');
  if (empty >= 0) return [`${sheetXml.slice(0, empty)}<sheetData>`, `</sheetData>${sheetXml.slice(empty + '<sheetData/>'.length)}`];
  const start = sheetXml.indexOf('<sheetData>');
  const closing = sheetXml.indexOf('</sheetData>', start);
  if (start < 0 || closing < 0) throw new Error('xlsx: worksheet without sheetData');
  const rowTag = /<row r="(\d+)"/g;
  rowTag.lastIndex = start;
  for (let match = rowTag.exec(sheetXml); match !== null && match.index < closing; match = rowTag.exec(sheetXml)) {
    if (Number(match[1]) > lastRow) return [sheetXml.slice(0, match.index), sheetXml.slice(match.index)];
  }
  return [sheetXml.slice(0, closing), sheetXml.slice(closing)];
}

/** A → 1, AA → 27. */
function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

const ROWS_PER_CHUNK = 2_000;

/** Style id per column number, from the worksheet's <cols> (exceljs writes ranges of alike columns). */
function columnStyles(sheetXml: string): Map<number, number> {
  const styles = new Map<number, number>();
  for (const match of sheetXml.matchAll(/<col\b([^>]*)\/>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="(\\d+)"`).exec(match[1]!)?.[1];
    const [min, max, style] = [attribute('min'), attribute('max'), attribute('style')];
    if (min === undefined || max === undefined || style === undefined) continue;
    for (let column = Number(min); column <= Number(max); column += 1) styles.set(column, Number(style));
  }
  return styles;
}

function cellXml(reference: string, style: number, cell: Exclude<DirectCell, null>): string {
  const styled = style === 0 ? `<c r="${reference}"` : `<c r="${reference}" s="${style}"`;
  if (typeof cell === 'number') return Number.isFinite(cell) ? `${styled}><v>${cell}</v></c>` : '';
  if (typeof cell === 'string') return `${styled} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  const formula = `<f>${xmlText(cell.formula)}</f>`;
  if (cell.result === null) return `${styled}>${formula}</c>`;
  if (typeof cell.result === 'number') return `${styled}>${formula}<v>${cell.result}</v></c>`;
  return `${styled} t="str">${formula}<v>${xmlText(cell.result)}</v></c>`;
}

// Control characters XML 1.0 does not allow are dropped, as exceljs does.
const XML_SPECIAL = /[<>&\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ESCAPES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (character) => ESCAPES[character] ?? '');
}
