/**
 * The page Chromium prints as monitor.pdf: a cover, a table of contents and the same sections,
 * tables and inline SVG figures as monitor.html, with a stylesheet for A4 paper.
 */
import { escapeHtml, monitorBodyHtml } from '../html/monitor-html.ts';
import type { Figure, ReportInput } from '../report-input.ts';

/** `pages`: the page each section starts on (section-pages.ts, from a first print), shown in the contents. */
export function printHtml(input: ReportInput, markdown: string, figures: readonly Figure[], title: string, pages = new Map<string, number>()): string {
  // The cover carries the title; the body's own h1 would repeat it on page 3.
  const body = monitorBodyHtml(markdown, figures).replace(/^<h1>.*?<\/h1>\n?/, '');
  const sections: { id: string; text: string }[] = [];
  const numbered = keepShortTablesWhole(body).replace(/<h2>(.*?)<\/h2>/g, (_, text: string) => {
    const id = `sectie-${sections.length + 1}`;
    sections.push({ id, text });
    return `<h2 id="${id}">${text}</h2>`;
  });
  const { year, method } = input.data;
  // A title that already names the year (the usual "Stand van het land 2024: …") needs no second, large year.
  const coverYear = title.includes(String(year)) ? '' : `<p class="jaar">${year}</p>\n`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${PRINT_STYLE}</style>
</head>
<body>
<section class="omslag">
<p class="reeks">Monitor laagdrempelige steunpunten</p>
<h1>${escapeHtml(title)}</h1>
${coverYear}<dl>
<dt>Gegevens</dt><dd>steunpunten: monitorjaar ${year}; inwoners: CBS, 1 januari ${method.populationYear}; EPA-aandeel: ${method.epaYear}</dd>
<dt>Gemaakt door</dt><dd>de werkgroep van de monitor, met lsp-monitor; bronnen: CBS (CC BY 4.0), Vektis en de ingelezen lijsten (zie Verantwoording)</dd>
</dl>
</section>
<nav class="inhoud" aria-label="Inhoud">
<h2>Inhoud</h2>
<ol>
${sections.map((section) => `<li><a href="#${section.id}"><span>${section.text}</span><span class="stippel"></span><span class="pagina">${pages.get(section.id) ?? ''}</span></a></li>`).join('\n')}
</ol>
</nav>
<main>
${numbered}</main>
</body>
</html>
`;
}

/** Rows up to which a table is kept on one page: a province table (13 rows) is read as a whole. */
const SHORT_TABLE_ROWS = 25;

function keepShortTablesWhole(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (table: string, inner: string) =>
    (inner.match(/<tr>/g) ?? []).length <= SHORT_TABLE_ROWS + 1 ? `<table class="heel">${inner}</table>` : table,
  );
}

const PRINT_STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
html { font-size: 10pt; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 0; line-height: 1.4; hyphens: auto; }
.omslag { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.omslag .reeks { font-size: 1.1rem; color: #555; margin: 0; }
.omslag h1 { font-size: 2.4rem; line-height: 1.2; margin: .6rem 0 3rem; }
.omslag .jaar { font-size: 3.2rem; font-weight: bold; color: #2a6f97; margin: 0 0 3rem; }
.omslag dl { display: grid; grid-template-columns: 9rem 1fr; gap: .5rem 1rem; font-size: .95rem; }
.omslag dt { font-weight: bold; } .omslag dd { margin: 0; }
.inhoud { break-after: page; } .inhoud ol { font-size: 1.05rem; line-height: 1.9; }
.inhoud a { color: inherit; text-decoration: none; display: flex; align-items: baseline; gap: .4rem; }
.inhoud .stippel { flex: 1; border-bottom: 1.5px dotted #888; } .inhoud .pagina { min-width: 1.5rem; text-align: right; }
h2 { font-size: 1.5rem; margin-top: 1.8rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; break-after: avoid; }
h3 { font-size: 1.15rem; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.heel { break-inside: avoid; }
/* The sentence that introduces a table or figure stays on its page. */
p:has(+ table), p:has(+ figure), h2 + p { break-after: avoid; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .4rem; vertical-align: top; }
th { background: #f2f2f2; text-align: left; } td[align="right"], th[align="right"] { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; break-inside: avoid; } figure svg { max-width: 100%; max-height: 230mm; height: auto; } figcaption { font-size: .85rem; color: #555; }
a { color: #1d4f91; }
`;
