/**
 * The parts of a report that take most of its CPU and need nothing else of it: the figures and the
 * site. `report-renderer.ts` runs them in a worker thread beside the main thread, which meanwhile
 * writes the workbook (with the figures as PNG), the CSV files and the text. This module is what
 * that worker loads.
 */
import { prepareCoverageMap } from './figures/coverage-map.ts';
import { provinceBarsSvg } from './figures/province-bars.ts';
import { divisionOfRows, prepareMapViews, prepareSiteMap, type DivisionRow } from './site/site-map.ts';
import type { Steps } from './spare-time.ts';
import { monitorHtml } from './html/monitor-html.ts';
import { monitorMarkdown } from './markdown/monitor-md.ts';
import { reportTitle, type Figure, type ReportInput, type ReportText } from './report-input.ts';

export { reportFigures } from './figures/report-figures.ts';
export { siteFiles, siteFileStreams } from './site/site-files.ts';

/**
 * Done while the worker waits for the year's data, a step at a time (spare-time.ts): the map is read
 * and measured, the distance map's projection made (kept for the year's own map) and, with `warmUp`,
 * the chart every report has is drawn once with made-up numbers and thrown away, and made-up
 * Markdown turned into HTML, so that the year's own run on code V8 has compiled already (the first
 * vega chart takes several times as long as the next; the charts only some years have share most of
 * its code, and were not worth their CPU time).
 * No output depends on it: the caches it fills hold the map file's own geometry, and vega's id
 * counters are renumbered in every SVG (figures/svg.ts).
 */
export function* prepareParts({ warmUp }: { warmUp: boolean }): Steps {
  prepareSiteMap();
  yield;
  prepareCoverageMap();
  if (!warmUp) return;
  const provinces = ['Noord', 'Midden', 'Zuid'];
  yield provinceBarsSvg({ year: 2000, provinces: provinces.map((province, index) => ({ province, weighted: 10 * index + 3, desired: { 15: 5, 30: 10, 45: 15 } })) });
  yield;
  monitorHtml(WARM_UP_MARKDOWN, [], 'Opwarmen');
}

/** Made-up Markdown with each kind of block and inline text the report writes, to warm up marked. */
const WARM_UP_MARKDOWN = [
  '# Opwarmen',
  '## Samenvatting',
  '- **12 steunpunten in beeld**; 3 meer dan in 1999.',
  '- Gewenst bij 15% / 30%: 20 / 40; het gewogen aantal is daarvan 60% / 30%.',
  '',
  '**Rekenwijze.** Zoals in [de bron](https://example.org/bron "Bron"): inwoners *2000*, `code` en een regel\nverder.',
  '',
  '![Figuur](figuren/opwarmen.svg "Een toelichting.")',
  '',
  '| Provincie | Inwoners | Gewenst 15% |',
  '|---|---:|---:|',
  ...Array.from({ length: 12 }, (_, index) => `| Provincie ${index} | ${index}.000 | ${index},5 |`),
  '',
  '> Een opmerking over de cijfers.',
  '',
  '### Regio (3)',
  '',
  ...Array.from({ length: 30 }, (_, index) => `- Steunpunt ${index} (Organisatie), Plaats ${index}`),
  '',
].join('\n');

/** monitor.md and monitor.html of a year, with its figures. */
export function reportText(input: ReportInput, figures: readonly Figure[]): ReportText {
  const markdown = monitorMarkdown(input, figures);
  return { markdown, html: monitorHtml(markdown, figures, reportTitle(input.data.year)) };
}

/** The distance map's province borders and the site's maps of a division (site-map.ts, prepareMapViews), one map per step. */
export function* prepareDivision(rows: readonly DivisionRow[]): Generator<unknown, void, undefined> {
  prepareCoverageMap(Object.fromEntries(rows.map(([code, province]) => [code, province])));
  yield;
  yield* prepareMapViews(divisionOfRows(rows));
}
