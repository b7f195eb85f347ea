/**
 * Neutralising formula-looking text where it is written. Intakes store such text verbatim
 * ("@ease Utrecht" is a name, see sources/guard.ts); a text starting with one of = + - @ tab or
 * carriage return could be evaluated by a spreadsheet (when it is re-entered, or when the sheet is
 * saved as CSV and opened again), so the Excel overview and the CSV exports (outputs/csv/csv.ts,
 * OWASP's CSV-injection rule) write it with a leading apostrophe.
 *
 * The encoding is reversible: a text that already starts with apostrophes followed by a risky
 * character gets one more, so `restoreText(safeText(text)) === text` for every text. The
 * corrections reader restores workbook cells with it, and the inventory list takes the monitor's own
 * exports back with it; reports/README.md tells researchers the
 * same rule for the CSV files.
 */

const RISKY_START = /^'*[=+\-@\t\r]/;

export function safeText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

/** The original of a text written by `safeText`; any other text is returned as it is. */
export function restoreText(text: string): string {
  return text.startsWith("'") && RISKY_START.test(text) ? text.slice(1) : text;
}
