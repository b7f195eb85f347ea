import Papa from 'papaparse';
import { MonitorError } from '../errors.ts';
import { columnLetters } from './column-letters.ts';
import { csvPosition } from './csv-position.ts';
import { shownText } from './shown-text.ts';
import type { CsvDelimiter } from './table.ts';

/**
 * The refusal of a file that mixes UTF-8 with another encoding (typically Windows-1252 pasted
 * into a UTF-8 file), naming the row and column of the first byte that is not UTF-8.
 */
export function mixedEncodingError(file: string, text: string, offset: number, delimiter: CsvDelimiter): MonitorError {
  const { row, column } = csvPosition(text, offset, delimiter);
  const header = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', preview: 1 }).data[0]?.[column]?.trim();
  const field = header === undefined || header === '' ? `kolom ${columnLetters(column)}` : shownText(header);
  const byte = text.charCodeAt(offset);
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return new MonitorError(
    `gemengde tekencodering: het bestand is UTF-8, maar hier staat een teken in een andere codering ` +
      `(byte 0x${hex}, in Windows-1252 '${shownText(text.charAt(offset))}'); sla het bestand opnieuw op als CSV UTF-8`,
    { location: { file, row, field } },
  );
}
