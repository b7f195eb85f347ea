/** A page per province and per IZA-region: its figures, the region on the map, white spots, change, steunpunten. */
import { formatChangeNl, formatChangePctNl, formatCountNl, formatNumberNl, formatPercentNl } from '../../pipeline/format-nl.ts';
import type { CoverageRow, LocationRow, WhiteSpotRow } from '../../pipeline/read/read-monitor.ts';
import { locationContext } from '../../pipeline/workbook/layout.ts';
import { targetFigures } from '../../pipeline/read/target-figures.ts';
import type { ReportInput } from '../report-input.ts';
import { joined, type Chunks, type Item } from './chunks.ts';
import { escapeHtml, pageHtml } from './html.ts';
import type { MapModel, MapMunicipality } from './map-model.ts';
import { CBS_CREDIT, mapControls, mapLegend, tableHtml } from './parts.ts';
import { siteMapSvg, type MapFocus } from './site-map.ts';
import type { SiteSlugs } from './start-page.ts';

/** The steunpunten each page lists, grouped once for all pages (each page used to filter all of them). */
export interface RegionMembers {
  /** Per province, the steunpunten in view it counts (galan2024: those of its IZA-regions). */
  byProvince: ReadonlyMap<string | null, readonly LocationRow[]>;
  byRegion: ReadonlyMap<string | null, readonly LocationRow[]>;
  /** The province a steunpunt counts in. */
  countedProvince: (location: LocationRow) => string | null;
}

export function regionMembers(input: ReportInput, model: MapModel): RegionMembers {
  // A steunpunt counts in the province its method gives (galan2024: that of its IZA-region), so the list matches "in beeld".
  const countedProvince = locationContext(input.data).countingProvince;
  const byProvince = new Map<string | null, LocationRow[]>();
  const byRegion = new Map<string | null, LocationRow[]>();
  const add = (groups: Map<string | null, LocationRow[]>, key: string | null, location: LocationRow) => {
    const group = groups.get(key);
    if (group) group.push(location);
    else groups.set(key, [location]);
  };
  for (const location of model.steunpunten) {
    add(byProvince, countedProvince(location), location);
    add(byRegion, location.iza_region, location);
  }
  return { byProvince, byRegion, countedProvince };
}

export function regionPage(input: ReportInput, model: MapModel, slugs: SiteSlugs, members: RegionMembers, focus: MapFocus, row: CoverageRow): Chunks {
  const { data } = input;
  const kind = focus.level === 'provincie' ? 'Provincie' : 'IZA-regio';
  const inRegion = (municipality: MapMunicipality) => (focus.level === 'provincie' ? municipality.province : municipality.izaRegion) === focus.name;
  const steunpunten = (focus.level === 'provincie' ? members.byProvince : members.byRegion).get(focus.name) ?? [];
  const elsewhere = steunpunten.filter((location) => location.province !== members.countedProvince(location));
  const codes = new Set([...model.municipalities.values()].filter(inRegion).map((municipality) => municipality.code));
  const whiteSpots = data.whiteSpots.filter((spot) => codes.has(spot.gm_code));
  const participation = data.parameters.participationPct;
  const figures = [
    ['In beeld', formatNumberNl(row.in_view)],
    ['Gewogen', formatCountNl(row.weighted)],
    ...participation.map((p) => [`Gewenst bij ${p}%`, formatNumberNl(targetFigures(row, p, 0).desired)]),
    ...participation.map((p) => [`Dekking bij ${p}%`, formatPercentNl(targetFigures(row, p, 0).coverage)]),
  ];
  const title = `${kind} ${focus.name}: laagdrempelige steunpunten ${data.year}`;
  const body = joined([
    '<header>',
    '<p><a href="../index.html">← Kaart van Nederland</a></p>',
    `<h1>${escapeHtml(`${kind} ${focus.name}`)}</h1>`,
    `<p class="lead">Laagdrempelige steunpunten ${data.year}: ${formatNumberNl(row.municipalities)} gemeenten, ${formatNumberNl(row.population)} inwoners.</p>`,
    '</header>',
    `<main id="inhoud" class="mode-afstand region" data-mode>`,
    `<dl class="figures" aria-label="Kerncijfers">${figures.map(([term, value]) => `<div><dt>${escapeHtml(term ?? '')}</dt><dd>${escapeHtml(value ?? '')}</dd></div>`).join('')}</dl>`,
    `<p>Gewenst: het aantal steunpunten dat nodig is als dat deel van de mensen met een ernstige psychische aandoening (EPA) er komt. Gewogen: een klein steunpunt telt als ${formatCountNl(data.parameters.weights.klein)}, een middelgroot als ${formatCountNl(data.parameters.weights.middelgroot)}, een groot als ${formatCountNl(data.parameters.weights.groot)}, een van onbekende grootte als ${formatCountNl(data.parameters.weights.onbekend)}. Dekking = gewogen / gewenst.</p>`,
    change(input, focus),
    '<h2>De regio op de kaart</h2>',
    '<div class="layout">',
    '<section aria-label="Kaart">',
    mapControls({ id: 'steunpunten', label: 'Kaart overslaan, naar de steunpunten' }),
    '<div class="map-box">',
    siteMapSvg(model, {
      root: '../',
      focus,
      regionSlug: (name) => slugs.region.get(name) ?? '',
      label: `Kaart van ${kind.toLowerCase()} ${focus.name} met ${steunpunten.length} steunpunten; de tabel Steunpunten geeft dezelfde gegevens`,
    }),
    '<div id="tip" class="tip" role="status" aria-live="polite" hidden></div>',
    '</div>',
    `<p><small>${escapeHtml(CBS_CREDIT)}</small></p>`,
    '</section>',
    `<aside>${mapLegend(model, true)}</aside>`,
    '</div>',
    '<h2>Witte vlekken</h2>',
    whiteSpotList(whiteSpots, data.parameters.distance.whiteSpotKm, focus.name),
    '<h2 id="steunpunten">Steunpunten</h2>',
    steunpunten.length === 0
      ? '<p>Geen steunpunten in beeld.</p>'
      : tableHtml<LocationRow>(
          `${steunpunten.length} steunpunten in beeld in ${focus.name}`,
          [
            { header: 'Naam', value: (location) => location.name },
            { header: 'Organisatie', value: (location) => location.organisation ?? '' },
            { header: 'Gemeente', value: (location) => location.municipality ?? 'onbekend' },
            { header: 'Plaats', value: (location) => location.place ?? '' },
            { header: 'Grootte', value: (location) => location.size_class },
          ],
          steunpunten,
          true,
        ),
    ...elsewhere.map(
      (location) =>
        `<p>${escapeHtml(location.name)} ligt in ${escapeHtml(location.province)} en telt hier mee omdat de IZA-regio ${escapeHtml(location.iza_region ?? '')} bij ${escapeHtml(focus.name)} hoort.</p>`,
    ),
    '</main>',
    `<footer><p>Stand van het land ${data.year}, laagdrempelige steunpunten. ${escapeHtml(CBS_CREDIT)}</p></footer>`,
  ]);
  return pageHtml({ title, root: '../', body });
}

function whiteSpotList(spots: readonly WhiteSpotRow[], km: number, region: string): Item {
  if (spots.length === 0) return `<p>Geen witte vlekken: van elke gemeente ligt het midden binnen ${formatNumberNl(km)} km van een steunpunt.</p>`;
  return joined([
    `<p>Gemeenten waarvan het midden verder dan ${formatNumberNl(km)} km hemelsbreed van het dichtstbijzijnde steunpunt ligt.</p>`,
    tableHtml<WhiteSpotRow>(
      `Witte vlekken in ${region}`,
      [
        { header: 'Gemeente', value: (spot) => spot.municipality },
        { header: 'Inwoners', value: (spot) => formatNumberNl(spot.population), numeric: true },
        { header: 'Afstand (km)', value: (spot) => formatNumberNl(spot.centre_km, 1), numeric: true },
        { header: 'Dichtstbijzijnde steunpunt', value: (spot) => [spot.nearest_name, spot.nearest_place].filter(Boolean).join(', ') },
      ],
      spots,
    ),
  ]);
}

function change({ previous }: ReportInput, focus: MapFocus): string {
  if (!previous) return '<p>Er is geen eerder jaar gebouwd, dus geen verandering ten opzichte van vorig jaar.</p>';
  const area = previous.diff.areas.find((item) => item.level === focus.level && item.area === focus.name);
  if (!area) return `<p>In ${previous.diff.from} was er geen ${focus.level === 'provincie' ? 'provincie' : 'IZA-regio'} ${escapeHtml(focus.name)}.</p>`;
  return [
    `<h2>Verandering sinds ${previous.diff.from}</h2>`,
    `<p>In beeld: ${formatNumberNl(area.inViewBefore)} in ${previous.diff.from}, ${formatNumberNl(area.inViewAfter)} in ${previous.diff.to} (${formatChangeNl(area.difference)}, ${formatChangePctNl(area.changePct)}). Nieuw of weer in beeld: ${formatNumberNl(area.opened)}; niet meer in beeld: ${formatNumberNl(area.closed)}.</p>`,
  ].join('\n');
}
