/**
 * Rows of a large sheet written as SpreadsheetML directly. exceljs keeps an object per cell and
 * renders it through several layers; at 100k locations the Locaties sheet alone took most of the
 * overview's 13–16 s and a gigabyte. exceljs still writes the sheet itself (header, column widths
 * and styles, dropdowns, filter, protection); these rows are put into its <sheetData> afterwards,
 * each cell with its column's style.
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
 * The worksheet XML exceljs wrote, with the rows added after its own and the dimension widened,
 * as UTF-8 bytes: at a million locations the sheet is longer than a JavaScript string may be, so
 * the rows are encoded in batches.
 */
export function withDirectRows(sheetXml: string, rows: DirectRows): Uint8Array {
  const styles = columnStyles(sheetXml);
  const closing = sheetXml.indexOf('</sheetData>');
  const empty = sheetXml.indexOf('<sheetData/>');
  if (closing < 0 && empty < 0) throw new Error('xlsx: worksheet without sheetData');
  const [head, tail] =
    closing >= 0
      ? [sheetXml.slice(0, closing), sheetXml.slice(closing)]
      : [`${sheetXml.slice(0, empty)}<sheetData>`, `</sheetData>${sheetXml.slice(empty + '<sheetData/>'.length)}`];

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
  const dimension = `<dimension ref="A1:${columnLetter(lastColumn)}${rows.lastRow}"/>`;
  return Buffer.concat([Buffer.from(head.replace(/<dimension ref="[^"]*"\/>/, dimension), 'utf8'), ...chunks, Buffer.from(tail, 'utf8')]);
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
