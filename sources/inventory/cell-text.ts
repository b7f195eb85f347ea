import type { CellValue } from 'exceljs';

/** The text a person sees in an XLSX cell, without locale formatting. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result !== undefined) return cellText(value.result);
    return 'formula' in value && value.formula !== undefined ? (literalFormulaText(value.formula) ?? '') : '';
  }
  // Typed as string, but exceljs delivers rich text here when the link text is formatted.
  if ('hyperlink' in value) return cellText(value.text);
  return ''; // error values such as #N/A
}

/**
 * Why a cell cannot be read, or undefined: a formula without a saved result (written by a script
 * and never opened in Excel) that is not just text joined together.
 */
export function unreadableCellReason(value: CellValue): string | undefined {
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return undefined;
  if (value.result !== undefined) return undefined;
  const formula = 'formula' in value ? value.formula : value.sharedFormula;
  if (formula !== undefined && 'formula' in value && literalFormulaText(formula) !== undefined) return undefined;
  return `formule =${formula} heeft geen opgeslagen waarde; open het bestand in Excel, sla het op en lees het opnieuw in`;
}

/** The value of a formula that only joins text literals ("a"&"b", CONCATENATE("a";"b")), else undefined. */
export function literalFormulaText(formula: string): string | undefined {
  const call = /^\s*=?\s*(?:CONCATENATE|CONCAT|TEKST\.SAMENVOEGEN)\s*\((.*)\)\s*$/i.exec(formula)?.[1];
  const body = call ?? formula;
  // Arguments are separated by ',' (or ';' in a Dutch Excel) inside a call; outside one, '&' joins.
  const separators = call === undefined ? '&' : '&,;';
  const parts: string[] = [];
  const literal = /\s*"((?:[^"]|"")*)"\s*/y;
  let position = /^\s*=?/.exec(body)?.[0].length ?? 0;
  for (;;) {
    literal.lastIndex = position;
    const match = literal.exec(body);
    if (match === null) return undefined;
    parts.push((match[1] ?? '').replace(/""/g, '"'));
    position = literal.lastIndex;
    if (position === body.length) return parts.join('');
    const separator = body.charAt(position);
    if (separator === '' || !separators.includes(separator)) return undefined;
    position += 1;
  }
}
