/** CSV bytes → raw rows: the delimiter, papaparse, and the refusals with their row and column. */
import Papa from 'papaparse';
import { MonitorError } from '../errors.ts';
import { decodeCsvBytes } from './decode-text.ts';
import { checkGridLimits } from './grid-limits.ts';
import { DEFAULT_MAX_DATA_ROWS } from './limits.ts';
import { columnLetters, shownText } from './shown-text.ts';
import type { RawRowSource } from './build-table.ts';
import type { CsvDelimiter, CsvEncoding, RawRow } from './table.ts';

export interface CsvGrid {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Non-empty rows only, numbered as a spreadsheet would number the records. */
  rows: RawRow[];
}

/** CSV bytes as raw rows; binary content, mixed encodings, bad quotes and rows beyond limits.ts are refused. */
export function readCsvGrid(file: string, bytes: Uint8Array, maxDataRows: number = DEFAULT_MAX_DATA_ROWS): CsvGrid {
  const { encoding, delimiter, source } = openCsvGrid(file, bytes);
  const rows: RawRow[] = [];
  source((row) => rows.push(row));
  if (rows.length === 0) throw new MonitorError('bestand is leeg', { location: { file } });
  checkGridLimits(file, rows, maxDataRows);
  return { encoding, delimiter, rows };
}

export interface CsvSource {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** The non-empty rows, numbered as a spreadsheet would number the records; parsed again at every call. */
  source: RawRowSource;
}

/**
 * CSV bytes decoded once, their rows parsed (papaparse, row by row) at every call of `source`,
 * which throws a quote error after the last row: readCsvGrid without holding the rows.
 */
export function openCsvGrid(file: string, bytes: Uint8Array): CsvSource {
  const { text: decoded, encoding, mixedAt } = decodeCsvBytes(file, bytes);
  const separatorLine = SEPARATOR_LINE.exec(decoded);
  const text = separatorLine === null ? decoded : decoded.slice(separatorLine[0].length);
  const delimiter = separatorLine === null ? detectDelimiter(text) : asDelimiter(separatorLine[1]) ?? detectDelimiter(text);
  if (mixedAt !== undefined) throw mixedEncodingError(file, decoded, mixedAt, delimiter);
  const source: RawRowSource = (visit) => {
    // Rows are numbered without the separator line: Excel hides it, so the header is row 1 there too.
    let index = 0;
    let firstError: { error: Papa.ParseError; row: number } | undefined;
    Papa.parse<string[]>(text, {
      delimiter,
      quoteChar: '"',
      header: false,
      skipEmptyLines: false,
      step: ({ data: cells, errors }) => {
        index += 1;
        // In step mode every error belongs to the row it comes with (papaparse counts records from 0, the header as 0).
        const [error] = errors;
        if (error !== undefined) firstError ??= { error, row: index };
        if (cells.some((cell) => cell.trim() !== '')) visit({ row: index, cells });
      },
    });
    if (firstError !== undefined) throw new MonitorError(quoteErrorMessage(firstError.error), { location: { file, row: firstError.row } });
  };
  return { encoding, delimiter, source };
}

/** Excel's first line `sep=;` (optionally quoted or followed by empty cells) names the delimiter. */
const SEPARATOR_LINE = /^"?sep=(.)"?[,;\t]*\r?\n/i;

function asDelimiter(char: string | undefined): CsvDelimiter | undefined {
  return char === ',' || char === ';' || char === '\t' ? char : undefined;
}

function quoteErrorMessage(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'ongesloten aanhalingsteken: een veld begint met " maar wordt niet afgesloten';
    case 'InvalidQuotes':
      return 'aanhalingsteken op een verkeerde plek: na een afsluitend " hoort een scheidingsteken of het einde van de regel';
    default:
      return `CSV kan niet gelezen worden (${error.message})`;
  }
}

/** In order of preference when counts are equal; comma is also the answer for a one-column file. */
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/** The delimiter used most often in the header line, counting only characters outside quotes. */
function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === '\n' || char === '\r') break;
    else {
      const count = counts.get(char);
      if (count !== undefined) counts.set(char, count + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/**
 * The refusal of a file that mixes UTF-8 with another encoding (typically Windows-1252 pasted
 * into a UTF-8 file), naming the row and column of the first byte that is not UTF-8.
 */
function mixedEncodingError(file: string, text: string, offset: number, delimiter: CsvDelimiter): MonitorError {
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

/**
 * Where a character offset lies in CSV text, as a spreadsheet would show it: the record (row,
 * header = 1) and the 0-based column. Quotes are followed as papaparse follows them, so a line
 * break inside a quoted cell does not start a new row.
 */
interface CsvPosition {
  row: number;
  column: number;
}

function csvPosition(text: string, offset: number, delimiter: string): CsvPosition {
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
