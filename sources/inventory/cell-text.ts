import type { CellValue } from 'exceljs';

/** The text a person sees in an XLSX cell, without locale formatting. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  // Typed as string, but exceljs delivers rich text here when the link text is formatted.
  if ('hyperlink' in value) return cellText(value.text);
  return ''; // error values such as #N/A
}
