/** Writes a source's rows as CSV (comma or semicolon; UTF-8 or Windows-1252) or as XLSX. */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { SourceSpec } from './sources.ts';

export async function writeSourceFile(path: string, spec: SourceSpec, rows: readonly (readonly string[])[]): Promise<void> {
  if (spec.format === 'xlsx') return writeXlsx(path, spec, rows);
  const lines = [spec.headers, ...rows].map((cells) => cells.map((cell) => csvCell(cell, spec.delimiter)).join(spec.delimiter));
  const text = `${lines.join('\r\n')}\r\n`;
  await writeFile(path, spec.encoding === 'windows-1252' ? encodeWindows1252(text) : Buffer.from(text, 'utf8'));
}

function csvCell(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Streams the rows, so a sheet of several hundred thousand rows does not sit in memory twice. */
async function writeXlsx(path: string, spec: SourceSpec, rows: readonly (readonly string[])[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Locations');
  sheet.addRow([...spec.headers]).commit();
  for (const cells of rows) sheet.addRow(cells.map((cell) => (/^\d+$/.test(cell) && cell.length < 6 ? Number(cell) : cell))).commit();
  sheet.commit();
  await workbook.commit();
}

/** The Windows-1252 characters outside Latin-1; everything else above U+00FF becomes '?'. */
const WINDOWS_1252_EXTRA: ReadonlyMap<string, number> = new Map([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88], ['‰', 0x89],
  ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['•', 0x95],
  ['–', 0x96], ['—', 0x97], ['˜', 0x98], ['™', 0x99], ['š', 0x9a], ['›', 0x9b], ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : WINDOWS_1252_EXTRA.get(character) ?? 0x3f;
    bytes[length] = byte;
    length += 1;
  }
  return bytes.subarray(0, length);
}
