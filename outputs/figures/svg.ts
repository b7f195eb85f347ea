/**
 * SVG as text, for the hand-written map and the vega charts alike: escaping and wrapping text
 * without measuring fonts, ids that depend on the content only, and one Dutch accessible name.
 */

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

/**
 * Vega numbers clip paths and gradients with counters that live for the whole process
 * ("clip7", "gradient_3"), so the same chart rendered twice gets different ids. Renaming every
 * id in order of appearance makes the SVG depend on its content only.
 */
export function normalizeSvgIds(svg: string, prefix = 'fig'): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1];
    if (id !== undefined && !renamed.has(id)) renamed.set(id, `${prefix}${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_all, open: string, id: string, close: string) => `${open}${renamed.get(id) ?? id}${close}`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => {
      const next = renamed.get(id);
      return next === undefined ? all : `url(#${next})`;
    })
    .replace(/(href=")#([^"]+)(")/g, (all, open: string, id: string, close: string) => {
      const next = renamed.get(id);
      return next === undefined ? all : `${open}#${next}${close}`;
    });
}

/**
 * One Dutch accessible name per figure. Vega labels its marks for screen readers in English
 * ("rect mark container", "Title text '…'"); those labels are dropped and the SVG as a whole
 * becomes an image named by its (Dutch) title.
 */
export function labelSvg(svg: string, label: string): string {
  const stripped = svg.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return stripped.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeXml(label)}"`);
}
