/** Text in hand-written SVG: escaping, and wrapping lines to a width without measuring fonts. */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A generous average glyph width of DejaVu Sans as a share of the font size (bold is wider
 * than regular), so wrapped lines fit when rendered.
 */
const AVERAGE_GLYPH_EM = { normal: 0.58, bold: 0.66 } as const;

export function wrapText(text: string, width: number, fontSize: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  const maxChars = Math.max(1, Math.floor(width / (fontSize * AVERAGE_GLYPH_EM[weight])));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
