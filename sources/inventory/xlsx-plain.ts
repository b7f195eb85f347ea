/**
 * Reads the worksheets of a plain workbook straight from its XML, without exceljs, which holds
 * the whole workbook as objects (a million-row inventory: 25 s of CPU and 1.4 GB, against 3 s for
 * the same rows as CSV). "Plain" is what a list of steunpunten is: text and numbers in cells,
 * shared or inline strings. Every cell is read as exceljs reads it (cell-text.ts then gives the
 * same text), and anything this reader does not read exactly so — a formula, merged cells, a date
 * format, a namespace prefix, CDATA, an entity it does not know, a layout other than Excel's — makes
 * it answer undefined: the caller then reads the file with exceljs, as before. The archive has
 * been checked for zip bombs and inflated already (zip-limits.ts).
 */
import type { RawRow } from './table.ts';

export interface PlainSheet {
  name: string;
  hidden: boolean;
  /** The non-empty rows as xlsx-grid.ts makes them from exceljs, or undefined when the sheet is not plain. */
  rows(): RawRow[] | undefined;
}

/** The worksheets in workbook order, or undefined when the workbook is not laid out as Excel writes it. */
export function plainWorkbook(entries: ReadonlyMap<string, Uint8Array>): PlainSheet[] | undefined {
  const workbook = text(entries, 'xl/workbook.xml');
  const relations = text(entries, 'xl/_rels/workbook.xml.rels');
  if (workbook === undefined || relations === undefined || hasUnreadableMarkup(workbook) || hasUnreadableMarkup(relations)) return undefined;
  const targets = new Map<string, string>();
  for (const tag of workbookTags(relations, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const shared = sharedStrings(entries);
  const dates = dateStyles(entries);
  if (shared === undefined || dates === undefined) return undefined;
  const sheets: PlainSheet[] = [];
  for (const tag of workbookTags(workbook, 'sheet')) {
    const name = attribute(tag, 'name');
    const relation = /\s[A-Za-z_][\w.-]*:id="([^"]*)"/.exec(tag)?.[1];
    const target = relation === undefined ? undefined : targets.get(relation);
    const path = target === undefined ? undefined : WORKSHEET_TARGET.exec(target)?.[1];
    if (name === undefined || path === undefined || !entries.has(`xl/worksheets/${path}`)) return undefined;
    const state = attribute(tag, 'state') ?? 'visible';
    let rows: RawRow[] | undefined | null = null;
    sheets.push({
      name,
      hidden: state === 'hidden' || state === 'veryHidden',
      rows: () => {
        if (rows === null) rows = worksheetRows(text(entries, `xl/worksheets/${path}`) ?? '', shared, dates);
        return rows;
      },
    });
  }
  return sheets.length === 0 ? undefined : sheets;
}

/** exceljs finds worksheets only as xl/worksheets/sheetN.xml. */
const WORKSHEET_TARGET = /^(?:\/xl\/|)worksheets\/(sheet\d+\.xml)$/;

function text(entries: ReadonlyMap<string, Uint8Array>, name: string): string | undefined {
  const bytes = entries.get(name);
  return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Markup this reader leaves to exceljs: CDATA, comments, a document type. */
function hasUnreadableMarkup(xml: string): boolean {
  return xml.includes('<![CDATA[') || xml.includes('<!--') || xml.includes('<!DOCTYPE');
}

function* workbookTags(xml: string, name: string): Generator<string> {
  const pattern = new RegExp(`<${name}\\s[^>]*>`, 'g');
  for (const match of xml.matchAll(pattern)) yield match[0];
}

const ATTRIBUTE = /\s([A-Za-z_][\w.:-]*)="([^"]*)"/g;

/** An attribute's value, decoded as an XML parser would (line breaks and tabs become spaces). */
function attribute(tag: string, name: string): string | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(tag); match !== null; match = ATTRIBUTE.exec(tag)) {
    if (match[1] !== name) continue;
    const raw = match[2] ?? '';
    return decodeXml(raw.includes('\r') || raw.includes('\n') || raw.includes('\t') ? raw.replace(/\r\n?|\n|\t/g, ' ') : raw);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles
// ---------------------------------------------------------------------------------------------

/** The shared strings as exceljs reads them (runs joined, phonetic text left out), or undefined. */
function sharedStrings(entries: ReadonlyMap<string, Uint8Array>): string[] | undefined {
  const xml = text(entries, 'xl/sharedStrings.xml');
  if (xml === undefined) return [];
  if (hasUnreadableMarkup(xml)) return undefined;
  const strings: string[] = [];
  const items = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (const match of xml.matchAll(items)) {
    const body = (match[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').replace(/<rPr>[\s\S]*?<\/rPr>|<rPr\/>/g, '');
    const value = stringItem(body);
    if (value === undefined) return undefined;
    strings.push(value);
  }
  return strings;
}

/** `<t>…</t>` or runs `<r><t>…</t></r>`: their text with `_xHHHH_` read as exceljs reads it. */
function stringItem(body: string): string | undefined {
  let result = '';
  let rest = body.replace(/<phoneticPr\b[^>]*\/>/g, '');
  for (;;) {
    rest = rest.replace(/^(?:\s|<r>|<\/r>)+/, '');
    if (rest === '') return result;
    const run = /^<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)/.exec(rest);
    if (run === null) return undefined;
    const decoded = decodeXml(normaliseLineBreaks(run[1] ?? ''));
    if (decoded === undefined) return undefined;
    result += decoded.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    rest = rest.slice(run[0].length);
  }
}

/**
 * Per cell style: whether exceljs would read a number in it as a date (a date format, or one
 * this reader cannot tell). Undefined when the styles cannot be read.
 */
function dateStyles(entries: ReadonlyMap<string, Uint8Array>): boolean[] | undefined {
  const xml = text(entries, 'xl/styles.xml');
  if (xml === undefined) return [];
  if (hasUnreadableMarkup(xml)) return undefined;
  const formats = new Map<number, string>();
  for (const tag of workbookTags(xml, 'numFmt')) {
    const id = Number(attribute(tag, 'numFmtId'));
    const code = attribute(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map(([tag]) => {
    const id = Number(attribute(tag, 'numFmtId') ?? '0');
    const custom = formats.get(id);
    if (custom !== undefined) return isDateFormat(custom);
    return !NUMBER_FORMATS.has(id);
  });
}

/** Built-in number formats that are not dates: general, numbers, percentages, fractions, accounting, text. */
const NUMBER_FORMATS: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49]);

/** exceljs' rule (utils.isDateFmt): date characters outside quotes and brackets. */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

// ---------------------------------------------------------------------------------------------
// The worksheet
// ---------------------------------------------------------------------------------------------

/** A start tag, end tag or empty tag, and the text before it. */
const TAG = /([^<]*)<(\/?)([A-Za-z][\w.:-]*)((?:\s[^>]*?)?)(\/?)>/y;
/**
 * The usual cell as Excel and exceljs write it, `<c r="B7" s="3" t="s"><v>12</v></c>`: its column
 * letters and row number, style, type and the value's text. Attributes in another order, spacing or form take the tags' way.
 */
const VALUE_CELL = /<c r="([A-Z]{1,3})([1-9]\d*)"(?: s="(\d+)")?(?: t="([A-Za-z]+)")?><v>([^<]*)<\/v><\/c>/y;

interface OpenCell {
  column: number;
  type: string | undefined;
  style: number | undefined;
  value: string | undefined;
  /** Where text goes: a <v>, an inline <t>, a run's <t> (decoded as shared strings are), or nowhere. */
  into: 'value' | 'inline' | 'run' | undefined;
  inRun: boolean;
  runs: string | undefined;
}

function worksheetRows(xml: string, shared: readonly string[], dates: readonly boolean[]): RawRow[] | undefined {
  if (hasUnreadableMarkup(xml) || /<(?:f|mergeCell)[\s/>]/.test(xml)) return undefined;
  const start = xml.indexOf('<sheetData>');
  const end = xml.indexOf('</sheetData>');
  if (start === -1 || end === -1) return /<sheetData\s*\/>/.test(xml) && !xml.includes('<sheetData>') ? [] : undefined;
  const rows: RawRow[] = [];
  let row: { number: number; cells: string[]; count: number } | undefined;
  let cell: OpenCell | undefined;
  let inRunProperties = false;
  TAG.lastIndex = start + '<sheetData>'.length;
  while (TAG.lastIndex <= end) {
    if (row !== undefined && cell === undefined && !inRunProperties) {
      // The usual cell in one match; read exactly as its four tags below would read it.
      VALUE_CELL.lastIndex = TAG.lastIndex;
      const usual = VALUE_CELL.exec(xml);
      if (usual !== null) {
        const [, letters = '', digits, s, t, between = ''] = usual;
        const opened = placedCell(row, { row: Number(digits), column: columnIndex(letters) }, s, t);
        const decoded = between === '' ? undefined : decodeXml(normaliseLineBreaks(between));
        if (opened === undefined || (between !== '' && decoded === undefined)) return undefined;
        opened.value = decoded;
        if (!finishCell(row, opened, shared, dates)) return undefined;
        TAG.lastIndex = VALUE_CELL.lastIndex;
        continue;
      }
    }
    const match = TAG.exec(xml);
    if (match === null) return undefined;
    const [, between = '', closing, name, attributes = '', empty] = match;
    if (inRunProperties) {
      if (closing === '/' && name === 'rPr') inRunProperties = false;
      continue;
    }
    if (between !== '' && cell?.into !== undefined) {
      const decoded = decodeXml(normaliseLineBreaks(between));
      if (decoded === undefined) return undefined;
      if (cell.into === 'run') cell.runs = (cell.runs ?? '') + decoded.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      else cell.value = (cell.value ?? '') + decoded;
    } else if (between.trim() !== '') return undefined;
    if (closing === '') {
      switch (name) {
        case 'row': {
          const number = Number(attribute(attributes, 'r'));
          if (row !== undefined || cell !== undefined || !Number.isInteger(number) || number < 1) return undefined;
          if (empty !== '/') row = { number, cells: [], count: 0 };
          break;
        }
        case 'c': {
          if (row === undefined || cell !== undefined) return undefined;
          cell = openCell(row, attributes);
          if (cell === undefined) return undefined;
          if (empty === '/') {
            if (!finishCell(row, cell, shared, dates)) return undefined;
            cell = undefined;
          }
          break;
        }
        case 'v':
          if (cell === undefined || cell.into !== undefined) return undefined;
          if (empty !== '/') cell.into = 'value';
          break;
        case 'is':
          if (cell === undefined || cell.into !== undefined) return undefined;
          break;
        case 't':
          // One plain <t> in an inline string, or a <t> in each run of a rich one.
          if (cell === undefined || cell.into !== undefined || cell.type !== 'inlineStr') return undefined;
          if (!cell.inRun && (cell.runs !== undefined || cell.value !== undefined)) return undefined;
          if (empty !== '/') cell.into = cell.inRun ? 'run' : 'inline';
          break;
        case 'r':
          if (cell === undefined || cell.into !== undefined || cell.inRun || cell.value !== undefined || empty === '/') return undefined;
          cell.inRun = true;
          cell.runs ??= '';
          break;
        case 'rPr':
          if (empty !== '/') inRunProperties = true;
          break;
        default:
          return undefined; // anything else in the sheet data: exceljs decides
      }
      continue;
    }
    switch (name) {
      case 'row': {
        if (row === undefined || cell !== undefined) return undefined;
        const cells = Array.from(row.cells, (value) => value ?? '');
        if (cells.some((value) => value.trim() !== '')) rows.push({ row: row.number, cells });
        row = undefined;
        break;
      }
      case 'c':
        if (row === undefined || cell === undefined || !finishCell(row, cell, shared, dates)) return undefined;
        cell = undefined;
        break;
      case 'v':
      case 't':
        if (cell === undefined) return undefined;
        cell.into = undefined;
        break;
      case 'r':
        if (cell === undefined) return undefined;
        cell.inRun = false;
        break;
      case 'is':
        break;
      case 'sheetData':
        return row === undefined && cell === undefined ? rows : undefined;
      default:
        return undefined;
    }
  }
  return row === undefined && cell === undefined ? rows : undefined;
}

/** A cell opened by its start tag, or undefined when its address is not the next of its row. */
function openCell(row: { number: number; cells: string[] }, attributes: string): OpenCell | undefined {
  const read = cellAttributes(attributes);
  const position = read?.r === undefined ? undefined : cellPosition(read.r);
  return read === undefined || position === undefined ? undefined : placedCell(row, position, read.s, read.t);
}

function placedCell(row: { number: number; cells: string[] }, position: CellPosition, styleText: string | undefined, type: string | undefined): OpenCell | undefined {
  if (position.row !== row.number) return undefined;
  if (position.column < row.cells.length) return undefined; // out of order or twice
  const style = styleText === undefined ? undefined : Number(styleText);
  return { column: position.column, type, style, value: undefined, into: undefined, inRun: false, runs: undefined };
}

/** The cell's text as cell-text.ts gives it for exceljs' value; false when exceljs would read it otherwise. */
function finishCell(row: { cells: string[]; count: number }, cell: OpenCell, shared: readonly string[], dates: readonly boolean[]): boolean {
  const { type, value, runs } = cell;
  let shown: string;
  if (runs !== undefined) {
    if (type !== 'inlineStr') return false;
    shown = runs;
  } else if (value === undefined) {
    // exceljs: a styled cell without a value is empty; one without a style (or style 0) is part of a merge.
    return cell.style !== undefined && cell.style !== 0;
  } else {
    switch (type) {
      case 's': {
        const item = shared[parseInt(value, 10)];
        if (item === undefined) return false;
        shown = item;
        break;
      }
      case 'str':
        shown = decodeLikeExceljs(value);
        break;
      case 'inlineStr':
        shown = value;
        break;
      case 'b':
        shown = parseInt(value, 10) !== 0 ? 'ja' : 'nee';
        break;
      case 'e':
        shown = '';
        break;
      default: {
        if (cell.style !== undefined && cell.style !== 0 && dates[cell.style] !== false) return false;
        shown = String(parseFloat(value));
      }
    }
  }
  row.cells[cell.column] = shown;
  row.count += 1;
  return true;
}

/** exceljs decodes a 'str' value's text once more (utils.xmlDecode). */
function decodeLikeExceljs(value: string): string {
  return value.replace(/&([a-z]*);/g, (entity) => EXCELJS_ENTITIES[entity] ?? entity);
}

const EXCELJS_ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };

interface CellAttributes {
  r?: string | undefined;
  s?: string | undefined;
  t?: string | undefined;
}

/**
 * A cell's address, style and type in one pass over its attributes (this runs for every cell);
 * undefined for a value an XML parser would change (an entity, a line break): exceljs reads those.
 */
function cellAttributes(attributes: string): CellAttributes | undefined {
  const found: CellAttributes = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match !== null; match = ATTRIBUTE.exec(attributes)) {
    const [, name, value = ''] = match;
    if (name !== 'r' && name !== 's' && name !== 't') continue;
    if (/[&\r\n\t]/.test(value)) return undefined;
    found[name] = value;
  }
  return found;
}

/** "AB12" → row 12, column 27 (0-based). */
function cellPosition(address: string): CellPosition | undefined {
  const match = /^([A-Z]{1,3})([1-9]\d*)$/.exec(address);
  return match === null ? undefined : { row: Number(match[2]), column: columnIndex(match[1]!) };
}

interface CellPosition {
  row: number;
  column: number;
}

/** "AB" → 27 (0-based). */
function columnIndex(letters: string): number {
  let column = 0;
  for (let index = 0; index < letters.length; index += 1) column = column * 26 + (letters.charCodeAt(index) - 64);
  return column - 1;
}

/** An XML parser reads \r\n and a lone \r as \n. */
function normaliseLineBreaks(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with its five entities and character references read; undefined for anything else after '&'. */
function decodeXml(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  let unknown = false;
  const decoded = raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) {
      unknown = true;
      return whole;
    }
    if (entity.startsWith('#')) {
      const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) unknown = true;
      return unknown ? whole : String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[entity];
    if (named === undefined) unknown = true;
    return named ?? whole;
  });
  return unknown ? undefined : decoded;
}
