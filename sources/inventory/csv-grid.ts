import Papa from 'papaparse';
import { MonitorError } from '../errors.ts';
import { decodeCsvBytes } from './decode-text.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { checkGridLimits } from './grid-limits.ts';
import { DEFAULT_MAX_DATA_ROWS } from './limits.ts';
import { mixedEncodingError } from './mixed-encoding.ts';
import type { CsvDelimiter, CsvEncoding, RawRow } from './table.ts';

export interface CsvGrid {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Non-empty rows only, numbered as a spreadsheet would number the records. */
  rows: RawRow[];
}

/** CSV bytes as raw rows; binary content, mixed encodings, bad quotes and rows beyond limits.ts are refused. */
export function readCsvGrid(file: string, bytes: Uint8Array, maxDataRows: number = DEFAULT_MAX_DATA_ROWS): CsvGrid {
  const { text: decoded, encoding, mixedAt } = decodeCsvBytes(file, bytes);
  const separatorLine = SEPARATOR_LINE.exec(decoded);
  const text = separatorLine === null ? decoded : decoded.slice(separatorLine[0].length);
  const delimiter = separatorLine === null ? detectDelimiter(text) : asDelimiter(separatorLine[1]) ?? detectDelimiter(text);
  if (mixedAt !== undefined) throw mixedEncodingError(file, decoded, mixedAt, delimiter);
  // Rows are numbered without the separator line: Excel hides it, so the header is row 1 there too.
  const parsed = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', header: false, skipEmptyLines: false });
  const [firstError] = parsed.errors;
  if (firstError !== undefined) {
    // Papaparse counts records from 0 with the header as record 0.
    const row = firstError.row === undefined ? undefined : firstError.row + 1;
    throw new MonitorError(quoteErrorMessage(firstError), { location: { file, row } });
  }
  const rows = parsed.data
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new MonitorError('bestand is leeg', { location: { file } });
  checkGridLimits(file, rows, maxDataRows);
  return { encoding, delimiter, rows };
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
