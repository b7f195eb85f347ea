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
 * tens of thousands at a million records, or a few), rendered a slice of items at a time so that marked's
 * tokens of only one slice are alive. Each slice must lex as one tight list of exactly its lines;
 * then the items render as they would in the whole list, and the slices' items go into one list.
 * An item of plain words (`plainItemHtml`) is not lexed at all: it is most of the appendix.
 * Anything else: undefined, and the section is parsed whole.
 */
function longListHtml(marked: Marked, section: string): string | undefined {
  const match = /^(#{2,3} [^\n]*\n\n)((?:- [^\n]*\n)+)\n?$/.exec(section.endsWith('\n') ? section : `${section}\n`);
  const lines = match?.[2]?.slice(0, -1).split('\n') ?? [];
  if (!match) return undefined;
  const items: string[] = [];
  let pending: string[] = [];
  const flush = (listEnds: boolean): boolean => {
    if (pending.length === 0) return true;
    const html = listItemsHtml(marked, pending, listEnds);
    pending = [];
    if (html === undefined) return false;
    items.push(html);
    return true;
  };
  for (const line of lines) {
    const plain = plainItemHtml(line);
    if (plain !== undefined) {
      if (!flush(false)) return undefined;
      items.push(plain);
      continue;
    }
    pending.push(line);
    if (pending.length === LIST_SLICE && !flush(false)) return undefined;
  }
  if (!flush(true)) return undefined;
  return `${marked.parse(match[1] ?? '', { async: false })}<ul>\n${items.join('')}</ul>\n`;
}

/**
 * The `<li>` elements of list lines lexed together, or undefined unless they are one tight list of
 * exactly those items. marked trims the last item of a list (a trailing space), so lines that the
 * list goes on after are lexed with one more item after them, which is then left out.
 */
function listItemsHtml(marked: Marked, slice: readonly string[], listEnds: boolean): string | undefined {
  const lines = listEnds ? slice : [...slice, FOLLOWING_ITEM];
  const tokens = marked.lexer(lines.join('\n'));
  const [list, ...rest] = tokens;
  if (rest.length > 0 || list?.type !== 'list' || list.ordered || list.loose || list.items.length !== lines.length) return undefined;
  const html = marked.parser(tokens);
  const end = listEnds ? '</ul>\n' : `<li>${FOLLOWING_ITEM.slice(2)}</li>\n</ul>\n`;
  if (!html.startsWith('<ul>\n') || !html.endsWith(end)) return undefined;
  return html.slice('<ul>\n'.length, -end.length);
}

const FOLLOWING_ITEM = '- volgende';

/**
 * A list line whose text starts with a letter and holds only letters, digits, single spaces and
 * `,.()'/-` has no Markdown in it: no block starts there (marker, number, heading, quote, rule), and
 * with no `:`, `@`, `www.`, `*`, `_`, `&`, `<`, backslash or bracket no inline syntax nor autolink.
 * marked renders it as its text with `'` escaped. Any other line: undefined (lexed by marked).
 */
function plainItemHtml(line: string): string | undefined {
  const text = line.slice(2);
  if (!PLAIN_ITEM.test(text) || text.includes('  ') || /www\./i.test(text)) return undefined;
  return `<li>${text.replace(/'/g, '&#39;')}</li>\n`;
}

const PLAIN_ITEM = /^\p{L}[\p{L}\p{M}0-9 ,.()'/-]*(?<! )$/u;

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
