/**
 * The monitor's own exports (CSV and the Excel overview) write a text that a spreadsheet could
 * read as a formula with one more leading apostrophe (pipeline/workbook/safe-text.ts, `safeText`).
 * Reading such a file back as a list takes that apostrophe off again, so a round trip stores the
 * text as it was. Kept here because sources/ may not import pipeline/; the rule is the same.
 */
const RISKY_START = /^'*[=+\-@\t\r]/;

/** The original of a text written with the leading apostrophe; any other text as it is. */
export function restoreOwnExportText(text: string): string {
  return text.startsWith("'") && RISKY_START.test(text) ? text.slice(1) : text;
}
