/**
 * Reading one cell of an edited workbook. Formulas are never evaluated or taken over: a formula
 * in a data cell is reported. Text written neutralised (leading apostrophe) reads back as its original.
 */
import type ExcelJS from 'exceljs';
import { normaliseHeader } from '../../../sources/inventory/header-synonyms.ts';
import { restoreText } from '../../../sources/safe-text.ts';

export type ReadCell =
  | { kind: 'empty' }
  | { kind: 'value'; value: string | number }
  | { kind: 'formula'; formula: string }
  /** A value no data column takes: a date, true/false, an error value. `what` is Dutch. */
  | { kind: 'invalid'; what: string };

export function readCell(cell: ExcelJS.Cell): ReadCell {
  const value = cell.value;
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'value', value };
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return { kind: 'invalid', what: 'een waar/onwaar-waarde' };
  if (value instanceof Date) return { kind: 'invalid', what: 'een datum' };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula', formula: cell.formula ?? '' };
  if ('error' in value) return { kind: 'invalid', what: `een foutwaarde (${value.error})` };
  if ('richText' in value) return text(value.richText.map((part) => part.text).join(''));
  if ('text' in value) return text(value.text);
  return { kind: 'invalid', what: 'een onbekend soort waarde' };
}

function text(raw: string): ReadCell {
  const restored = normaliseText(restoreText(raw));
  return restored === null ? { kind: 'empty' } : { kind: 'value', value: restored };
}

/** Whitespace runs become one space, the ends are trimmed; empty is null (as the import schema does). */
export function normaliseText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** How a cell's content is shown in a message. */
export function describeCell(cell: ReadCell): string {
  switch (cell.kind) {
    case 'empty':
      return 'leeg';
    case 'value':
      return String(cell.value);
    case 'formula':
      return `=${cell.formula}`;
    case 'invalid':
      return cell.what;
  }
}

/** Column numbers by header text in row 1. */
export function headerColumns(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
    const header = readCell(cell);
    // Coverage headers are formulas; only plain headers are read back.
    if (header.kind === 'value' && !columns.has(String(header.value))) columns.set(String(header.value), column);
  });
  return columns;
}

/**
 * The column of the first of `names` that row 1 holds, compared without case, accents, spaces
 * and punctuation (as an import reads headers): a column keeps its header of earlier versions.
 */
export function columnOf(headers: ReadonlyMap<string, number>, names: readonly string[]): number | undefined {
  for (const name of names) {
    const wanted = normaliseHeader(name);
    for (const [header, column] of headers) if (normaliseHeader(header) === wanted) return column;
  }
  return undefined;
}
