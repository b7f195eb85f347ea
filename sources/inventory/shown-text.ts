/**
 * Text from a file as it may appear in a message: control characters written out as [U+001B]
 * (so a header or sheet name cannot drive the terminal), and long text cut short.
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
