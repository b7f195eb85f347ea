/**
 * monitor.html: the same report as monitor.md, as one standalone page with the figures inline,
 * for people who do not read Markdown; printable to PDF from a browser. Text from sources is
 * already escaped in the Markdown, so no source can inject markup.
 */
import { Marked, type Tokens } from 'marked';
import type { Figure } from '../report-input.ts';

export function monitorHtml(markdown: string, figures: readonly Figure[], title: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${monitorBodyHtml(markdown, figures)}</main>
</body>
</html>
`;
}

/** The report's sections as HTML, figures inline: the body of monitor.html, and of monitor.pdf (outputs/pdf/). */
export function monitorBodyHtml(markdown: string, figures: readonly Figure[]): string {
  const inline = new Map(figures.map((figure, index) => [figure.file, prefixIds(figure.svg, `f${index + 1}-`)]));
  const marked = new Marked({
    gfm: true,
    renderer: {
      // The SVG carries the figure's title (alt text in the Markdown); the caption is the link's title, never a repeat of it.
      image({ href, title }: Tokens.Image) {
        const svg = inline.get(href);
        if (svg === undefined) return false;
        return title ? `<figure>${svg}<figcaption>${escapeHtml(title)}</figcaption></figure>` : `<figure>${svg}</figure>`;
      },
    },
  });
  return markdownSections(markdown)
    .map((section) => longListHtml(marked, section) ?? marked.parse(section, { async: false }))
    .join('');
}

/** Items of a long list parsed at a time. */
const LIST_SLICE = 1000;

/**
 * A section that is a heading and one list of one-line items (the appendix's steunpunten of a region,
 * tens of thousands at a million records), rendered a slice of items at a time so that marked's
 * tokens of only one slice are alive. Each slice must lex as one tight list of exactly its lines;
 * then the items render as they would in the whole list, and the slices' items go into one list.
 * Anything else (or a short list): undefined, and the section is parsed whole.
 */
function longListHtml(marked: Marked, section: string): string | undefined {
  const match = /^(#{2,3} [^\n]*\n\n)((?:- [^\n]*\n)+)\n?$/.exec(section.endsWith('\n') ? section : `${section}\n`);
  const lines = match?.[2]?.slice(0, -1).split('\n') ?? [];
  if (!match || lines.length <= LIST_SLICE) return undefined;
  const items: string[] = [];
  for (let start = 0; start < lines.length; start += LIST_SLICE) {
    const slice = lines.slice(start, start + LIST_SLICE);
    const tokens = marked.lexer(slice.join('\n'));
    const [list, ...rest] = tokens;
    if (rest.length > 0 || list?.type !== 'list' || list.ordered || list.loose || list.items.length !== slice.length) return undefined;
    const html = marked.parser(tokens);
    if (!html.startsWith('<ul>\n') || !html.endsWith('</ul>\n')) return undefined;
    items.push(html.slice('<ul>\n'.length, -'</ul>\n'.length));
  }
  return `${marked.parse(match[1] ?? '', { async: false })}<ul>\n${items.join('')}</ul>\n`;
}

/**
 * The Markdown cut before each heading of level 2 and 3 that follows a blank line, each part
 * keeping its blank line: marked renders every block on its own, so the parts give the same HTML as
 * the whole, while its tokens are held for one part at a time (the appendix lists every steunpunt
 * of a region, and a million records give half a million of them). Fenced code or a link
 * definition, which the report never writes, could reach across a heading: then the whole at once.
 */
export function markdownSections(markdown: string): string[] {
  if (/^ {0,3}(```|~~~|\[[^\]]+\]:)/m.test(markdown)) return [markdown];
  const parts = markdown.split(/\n\n(?=#{2,3} )/);
  return parts.map((part, index) => (index < parts.length - 1 ? `${part}\n\n` : part));
}

/** Makes the ids of one SVG unique within the page (figures number their clip paths alike). */
function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/\b(xlink:)?href="#([^"]+)"/g, `$1href="#${prefix}$2"`);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 0; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; margin-bottom: .3rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .85rem; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .45rem; vertical-align: top; }
th { background: #f2f2f2; text-align: left; } td[align="right"], th[align="right"] { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: .85rem; color: #555; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;
