/**
 * Row heights for wrapped text. Excel and LibreOffice keep a row at the default height unless it
 * says otherwise, so wrapped text spills over the rows below; each row gets the height of its
 * tallest wrapped cell, estimated from the text's length and its column's width.
 */
import type ExcelJS from 'exceljs';

/** Points per line of 11-point text, with the cell's padding. */
const LINE_POINTS = 15;
/**
 * Characters of ordinary text per unit of column width. A unit is the width of a '0'; most
 * letters are narrower, but an estimate too low only leaves white space, one too high overlaps.
 */
const CHARACTERS_PER_UNIT = 1.15;
const BOLD_CHARACTERS_PER_UNIT = 1;

/** How many lines a text takes when wrapped word by word in a column of `width` units. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, Math.floor((width - 1) * (bold ? BOLD_CHARACTERS_PER_UNIT : CHARACTERS_PER_UNIT)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let length = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      if (length === 0) {
        lines += Math.ceil(word.length / capacity) - 1;
        length = word.length % capacity || capacity;
      } else if (length + 1 + word.length <= capacity) {
        length += 1 + word.length;
      } else {
        lines += Math.ceil(word.length / capacity);
        length = word.length % capacity || capacity;
      }
    }
  }
  return lines;
}

/** Sets the height of every row that holds wrapped text to fit its tallest cell. */
export function fitWrappedRows(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell, column) => {
      if (cell.alignment?.wrapText !== true || typeof cell.value !== 'string') return;
      const width = sheet.getColumn(column).width ?? DEFAULT_WIDTH;
      const size = cell.font?.size ?? 11;
      const scaled = wrappedLines(cell.value, (width * 11) / size, cell.font?.bold === true);
      lines = Math.max(lines, Math.ceil((scaled * size) / 11));
    });
    if (lines > 1) row.height = lines * LINE_POINTS;
  });
}

const DEFAULT_WIDTH = 9;
