/**
 * Where a character offset lies in CSV text, as a spreadsheet would show it: the record (row,
 * header = 1) and the 0-based column. Quotes are followed as papaparse follows them, so a line
 * break inside a quoted cell does not start a new row.
 */
export interface CsvPosition {
  row: number;
  column: number;
}

export function csvPosition(text: string, offset: number, delimiter: string): CsvPosition {
  // Papaparse takes \n (or \r\n) as the line break when there is one, else a lone \r.
  const lineBreak = text.includes('\n') ? '\n' : '\r';
  let row = 1;
  let column = 0;
  let inQuotes = false;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === lineBreak) {
      row += 1;
      column = 0;
    } else if (char === delimiter) column += 1;
  }
  return { row, column };
}
