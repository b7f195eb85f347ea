/**
 * What a message shows of a file: its text with control characters written out as [U+001B] (so
 * a header or sheet name cannot drive the terminal) and long text cut short, sizes, and column
 * letters.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** Control characters that are not whitespace: C0 but tab and line breaks, DEL, C1, bidi overrides. */
const CONTROL_NOT_WHITESPACE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export function shownText(text: string, maxChars = 60): string {
  const chars = [...text];
  const cut = chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : text;
  return cut.replace(CONTROL, (char) => `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** The first control character in a text that is not whitespace (tab and line breaks are), if any. */
export function firstControlCharacter(text: string): string | undefined {
  return CONTROL_NOT_WHITESPACE.exec(text)?.[0];
}

const MEBIBYTE = 1024 * 1024;
const GIBIBYTE = 1024 * MEBIBYTE;

/** "120 bytes", "50 MiB", "60,5 MiB", "1 GiB": a size for a Dutch message. */
export function formatBytes(bytes: number): string {
  if (bytes < MEBIBYTE) return `${bytes} bytes`;
  const [value, unit] = bytes < GIBIBYTE ? [bytes / MEBIBYTE, 'MiB'] : [bytes / GIBIBYTE, 'GiB'];
  return `${value.toFixed(1).replace(/\.0$/, '').replace('.', ',')} ${unit}`;
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : columnLetters(Math.floor(index / 26) - 1) + letter;
}
