/**
 * The one guard every intake passes text through: inventories, regional corrections, surveys,
 * EPA tables and workbook corrections. It decides three things, the same way everywhere:
 *
 * 1. **Size.** A text field is bounded by its `maxLength`; a whole row by MAX_ROW_CHARS. Too long
 *    is refused with a reason that says how long and what the bound is; never cut, never silent.
 * 2. **Control characters** (C0 except tab and line breaks, DEL, C1, the bidi controls
 *    U+202A–U+202E and U+2066–U+2069): the field is **refused with the reason**, naming the
 *    character. Not stripped, because what is left would be text nobody wrote or saw: a terminal
 *    escape leaves "[31m" behind, and a bidi override shows the sender other text than the
 *    characters stored, so stripping it stores a name different from the one they read. A name is
 *    also what deduplication and location identity key on across years. A refused row lands in
 *    the rejects (`afgewezen.csv`) with file, row, field and this reason, so the sender can fix it.
 * 3. **Formula-looking text is data.** A text starting with = + - @ tab or CR ("@ease Utrecht",
 *    "+Plus Inloop", "-Herstelcafé-", even "=HYPERLINK(…)") is accepted and stored verbatim. It is
 *    neutralised only where it is written: CSV exports (outputs/csv/csv.ts) and xlsx cells
 *    (sources/safe-text.ts, pipeline/workbook/write/cells.ts), never in the database.
 *
 * API (kept small and stable; intakes call it, the zod schemas in sources/schema.ts wrap it):
 *
 *   guardText(value, { field, maxLength })  -> { ok: true, text } | { ok: false, reason }
 *       `text` is the value as a string, unchanged (no trimming: that is the schema's job), or
 *       undefined for null/undefined. `reason` is Dutch, ready for a reject or a MonitorError.
 *   guardRow(cells, { maxChars? })          -> reason | undefined
 *       For a row as read (an array of cells or a record of header → cell): refused when all its
 *       cells together exceed MAX_ROW_CHARS. Call it before validating the row's fields and
 *       reject the row with field null (or the file's row number) and this reason.
 *   controlCharacterReason(text)            -> reason | undefined   (the control-character rule alone)
 *   looksLikeFormula(text)                  -> boolean               (for writers; never a reason to refuse)
 */

/** Control characters that are not whitespace (C0 but tab and line breaks, DEL, C1) and the bidi controls that make text display as other text. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A start that a spreadsheet reads as a formula or a command (OWASP CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Characters in one row, all cells together. Every known field together is bounded far below this
 * (names 500, notes 2,000), and a real list's row is a few hundred characters; a row beyond it is
 * a pasted document or an attack and is refused whole, with this bound in the reason.
 */
export const MAX_ROW_CHARS = 16_000;

export interface GuardTextOptions {
  /** The field or column as people know it; used by callers in their reject, kept here for a uniform call. */
  field: string;
  /** Bound in characters (UTF-16 code units, as zod's .max and Excel count). */
  maxLength: number;
}

export type GuardedText = { ok: true; text: string | undefined } | { ok: false; reason: string };

const count = (value: number) => value.toLocaleString('nl-NL');

/** "U+001B" for a character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a text cannot be taken because of a control character, or undefined. */
export function controlCharacterReason(text: string): string | undefined {
  const control = CONTROL_CHARACTER.exec(text)?.[0];
  return control === undefined ? undefined : `bevat een onzichtbaar stuurteken (${codePointName(control)})`;
}

/** Whether a spreadsheet would read the text as a formula: writers neutralise it, intakes store it as it is. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Checks one text field: its length and control characters. Formula-looking text passes unchanged. */
export function guardText(value: unknown, options: GuardTextOptions): GuardedText {
  if (value === null || value === undefined) return { ok: true, text: undefined };
  const text = String(value);
  if (text.length > options.maxLength) {
    return { ok: false, reason: `tekst is langer dan ${options.maxLength} tekens` };
  }
  const control = controlCharacterReason(text);
  return control === undefined ? { ok: true, text } : { ok: false, reason: control };
}

/** Why a whole row is refused for its size, or undefined. */
export function guardRow(
  cells: readonly (string | null | undefined)[] | Readonly<Record<string, string | null | undefined>>,
  options: { maxChars?: number } = {},
): string | undefined {
  const maxChars = options.maxChars ?? MAX_ROW_CHARS;
  let total = 0;
  for (const cell of Object.values(cells)) total += cell?.length ?? 0;
  return total > maxChars ? `rij is ${count(total)} tekens lang; de grens is ${count(maxChars)} per rij` : undefined;
}
