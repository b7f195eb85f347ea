/** index.html: the interactive map of the Netherlands, the search box, and the regions as links and tables. */
import { formatNumberNl, formatPercentNl } from '../../pipeline/format-nl.ts';
import type { CoverageRow, MonitorData } from '../../pipeline/read/read-monitor.ts';
import { targetFigures } from '../../pipeline/read/target-figures.ts';
import { joined, type Chunks } from './chunks.ts';
import { escapeHtml, pageHtml, scriptJsonArray } from './html.ts';
import type { MapModel, MapMunicipality } from './map-model.ts';
import { CBS_CREDIT, mapControls, mapLegend, tableHtml, type Column } from './parts.ts';
import { siteMapSvg } from './site-map.ts';

export interface SiteSlugs {
  province: Map<string, string>;
  region: Map<string, string>;
}

export function startPage(data: MonitorData, model: MapModel, slugs: SiteSlugs): Chunks {
  const regionSlug = (name: string) => slugs.region.get(name) ?? '';
  const placed = model.steunpunten.filter((location) => location.lat !== null && location.lon !== null).length;
  const searchEntries = (function* () {
    for (const location of model.steunpunten) {
      yield {
        k: 's',
        id: location.location_id,
        t: `${location.name} ${location.organisation ?? ''} ${location.place ?? ''} ${location.municipality ?? ''}`,
        l: `${location.name}${location.organisation && location.organisation !== location.name ? ` (${location.organisation})` : ''}, ${location.municipality ?? location.place ?? 'gemeente onbekend'}`,
      };
    }
    for (const municipality of model.municipalities.values()) yield { k: 'g', id: municipality.code, t: municipality.name, l: `Gemeente ${municipality.name}` };
  })();
  const municipalityColumns: Column<MapMunicipality & { row: CoverageRow | undefined }>[] = [
    { header: 'Gemeente', value: (row) => row.name },
    { header: 'Provincie', value: (row) => row.province, nowrap: true },
    { header: 'IZA-regio', value: (row) => row.izaRegion ?? 'onbekend' },
    { header: 'In beeld', value: (row) => formatNumberNl(row.row?.in_view), sort: (row) => row.row?.in_view ?? -1, numeric: true },
    {
      header: 'Afstand (km)',
      value: (row) => formatNumberNl(distance.get(row.code), 1),
      sort: (row) => distance.get(row.code) ?? -1,
      numeric: true,
    },
    {
      header: `Dekking ${model.coveragePct}%`,
      value: (row) => formatPercentNl(row.row ? targetFigures(row.row, model.coveragePct, 1).coverage : null),
      sort: (row) => (row.row ? (targetFigures(row.row, model.coveragePct, 1).coverage ?? -1) : -1),
      numeric: true,
    },
  ];
  const distance = new Map(data.accessibility.map((row) => [row.gm_code, row.centre_km ?? undefined]));
  const coverageByCode = new Map(data.municipalities.map((row) => [row.area, row]));
  const municipalityRows = [...model.municipalities.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((municipality) => ({ ...municipality, row: coverageByCode.get(municipality.code) }));
  const links = (folder: string, rows: readonly CoverageRow[], slugOf: Map<string, string>) =>
    `<ul class="columns">${rows
      .map((row) => `<li><a href="${folder}/${slugOf.get(row.area_name) ?? ''}.html">${escapeHtml(row.area_name)}</a> (${formatNumberNl(row.in_view)})</li>`)
      .join('\n')}</ul>`;
  const title = `Laagdrempelige steunpunten ${data.year}: de kaart`;
  const body = joined([
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lead">${formatNumberNl(model.steunpunten.length)} steunpunten in beeld, ${formatNumberNl(placed)} op de kaart. Klik op een gemeente voor de pagina van haar IZA-regio; wijs een punt aan voor het steunpunt.</p>`,
    '</header>',
    '<main id="inhoud" class="mode-afstand" data-mode>',
    '<div class="layout">',
    '<section aria-label="Kaart">',
    mapControls({ id: 'zoek', label: 'Kaart overslaan, naar het zoekvak' }),
    '<div class="map-box">',
    siteMapSvg(model, { root: '', regionSlug, label: `Kaart van Nederland met ${model.steunpunten.length} steunpunten; de tabellen onder de kaart geven dezelfde gegevens` }),
    '<div id="tip" class="tip" role="status" aria-live="polite" hidden></div>',
    '</div>',
    `<p><small>${escapeHtml(CBS_CREDIT)} Steunpunten op plaats of gemeente geplaatst staan op het midden daarvan.</small></p>`,
    '</section>',
    '<aside>',
    '<div class="search" role="search">',
    '<label for="zoek"><strong>Zoek een steunpunt of gemeente</strong></label>',
    '<input id="zoek" type="search" autocomplete="off" aria-describedby="zoekstatus" aria-controls="zoekresultaten">',
    '<p id="zoekstatus" class="lead" aria-live="polite"></p>',
    '<ul id="zoekresultaten" class="results"></ul>',
    joined(['<script type="application/json" id="zoekindex">', scriptJsonArray(searchEntries), '</script>'], ''),
    '</div>',
    mapLegend(model),
    '</aside>',
    '</div>',
    '<nav class="regions" aria-label="Regio\'s">',
    '<h2>Provincies</h2>',
    '<p>Tussen haakjes: het aantal steunpunten in beeld.</p>',
    links('provincie', data.provinces, slugs.province),
    '<h2>IZA-regio\'s</h2>',
    links('iza-regio', [...data.regions].sort((a, b) => a.area_name.localeCompare(b.area_name, 'nl')), slugs.region),
    '</nav>',
    '<h2>De kaart als tabel</h2>',
    tableHtml(`Gemeenten ${data.year}: steunpunten in beeld, afstand en dekking`, municipalityColumns, municipalityRows, true),
    '</main>',
    `<footer><p>Stand van het land ${data.year}, laagdrempelige steunpunten. ${escapeHtml(CBS_CREDIT)}</p></footer>`,
  ]);
  return pageHtml({ title, root: '', body });
}
