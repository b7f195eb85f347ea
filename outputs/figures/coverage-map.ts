/**
 * Choropleth of the 342 municipalities (CBS 2025) coloured by a value per GM code, with province
 * borders taken from the same file (so they match the municipalities exactly), the steunpunten as
 * dots, a classed legend and the CBS attribution. Hand-written SVG from d3-geo paths, coordinates
 * rounded to 0.1 px: deterministic and small.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { mesh } from 'topojson-client';
import { precomputedBytes } from '../../sources/reference/precomputed.ts';
import type { GeometryObject } from 'topojson-specification';
import { checkBreaks, classIndex, classLabels, quantileBreaks } from './map-classes.ts';
import { mapLegendSvg } from './map-legend.ts';
import { municipalityFeatures, municipalityTopology } from './municipality-topology.ts';
import { FONT_FAMILY, NEUTRAL, sequentialColours } from './palette.ts';
import { escapeXml, wrapText } from './svg.ts';
import type { CoverageMapInput } from './types.ts';

export const COVERAGE_MAP_SIZE = { width: 780, height: 800 } as const;
export const MAP_SOURCE_CAPTION = 'Bron: CBS/PDOK, gebiedsindelingen 2025';

/**
 * Above this many points (a real year has a few hundred steunpunten) a spot of the map gets one dot,
 * however many steunpunten share it: the same picture (up to the soft edges of a dot drawn over
 * itself), without half a million dots drawn over a few thousand spots (a 22 MB figure that takes
 * seconds and a gigabyte to turn into PNG).
 */
export const ONE_DOT_PER_SPOT_ABOVE = 20_000;

const MARGIN = 20;
const TITLE = { fontSize: 16, lineHeight: 21, maxLines: 2 } as const;
const CAPTION = { fontSize: 11, lineHeight: 15, maxLines: 3 } as const;
const MAP_BOX = { x: MARGIN, y: 80, width: 540, height: 650 } as const;
const LEGEND = { x: 580, y: 96, width: 180 } as const;
const STYLE = {
  municipality: { stroke: '#ffffff', strokeWidth: 0.3 },
  province: { stroke: '#111111', strokeWidth: 1.5 },
  coast: { stroke: '#555555', strokeWidth: 0.6 },
  point: { radius: 2.4, fill: '#000000', stroke: '#ffffff', strokeWidth: 0.8 },
} as const;

export function coverageMapSvg(input: CoverageMapInput): string {
  const { codes } = municipalityTopology();
  checkInput(input, codes);
  const decimals = input.decimals ?? 0;
  const known = codes.map((code) => input.values[code]).filter((value): value is number => value !== null && value !== undefined);
  const breaks = input.breaks ?? quantileBreaks(known, undefined, decimals);
  checkBreaks(breaks);
  const colours = sequentialColours(breaks.length + 1);
  const colourOf = (code: string): string => {
    const value = input.values[code];
    if (value === null || value === undefined) return NEUTRAL.missing;
    return colours[classIndex(value, breaks)] ?? NEUTRAL.missing;
  };

  const { projection, municipalityPaths: shapes, coastline } = mapGeometry();
  const municipalityPaths = shapes.map(({ code, d }) => `<path data-gm="${code}" d="${d}" fill="${colourOf(code)}"/>`);
  const provinceBorders = provinceBordersOf(input.provinceOf);
  const dots = dotsSvg(input.points, projection);

  // Without any value and without supplied breaks there is no class to explain, only "geen gegevens".
  const labels = known.length === 0 && input.breaks === undefined ? [] : classLabels(breaks, decimals);
  const legend = mapLegendSvg({
    ...LEGEND,
    title: input.legendTitle,
    classes: labels.map((label, index) => ({ label, colour: colours[index] ?? NEUTRAL.missing })),
    missingColour: NEUTRAL.missing,
    point: STYLE.point,
    border: STYLE.province,
  });

  const { width, height } = COVERAGE_MAP_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(input.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${NEUTRAL.background}"/>`,
    titleSvg(input.title),
    `<g class="municipalities" stroke="${STYLE.municipality.stroke}" stroke-width="${STYLE.municipality.strokeWidth}" stroke-linejoin="round">`,
    ...municipalityPaths,
    '</g>',
    `<path class="coast" d="${coastline}" fill="none" stroke="${STYLE.coast.stroke}" stroke-width="${STYLE.coast.strokeWidth}" stroke-linejoin="round"/>`,
    `<path class="province-borders" d="${provinceBorders}" fill="none" stroke="${STYLE.province.stroke}" stroke-width="${STYLE.province.strokeWidth}" stroke-linejoin="round"/>`,
    `<g class="steunpunten" fill="${STYLE.point.fill}" stroke="${STYLE.point.stroke}" stroke-width="${STYLE.point.strokeWidth}">`,
    ...dots,
    '</g>',
    legend,
    captionSvg([MAP_SOURCE_CAPTION, ...(input.notes ?? [])]),
    '</svg>',
  ].join('\n');
}

/**
 * The part of the map that depends on the map file alone: the projection fitted to the map box, each
 * municipality's path (in file order) and the coastline. Made once per process, by the first map or
 * ahead of it (`prepareCoverageMap`), or read from what the build stored (`coverageMapToStore`).
 */
interface MapGeometry {
  projection: GeoProjection;
  municipalityPaths: readonly { code: string; d: string }[];
  coastline: string;
}

let geometryOnce: MapGeometry | undefined;

function mapGeometry(): MapGeometry {
  geometryOnce ??= storedGeometry() ?? computedGeometry();
  return geometryOnce;
}

/**
 * The geometry and the province borders of one division (GM code to province), as the build stores
 * them in dist/ (`npm ci`, pipeline/cli/precompute.ts) for the division of the reference data.
 * Computed here whatever the caches hold.
 */
export function coverageMapToStore(provinces: Readonly<Record<string, string>>): string {
  const { projection, municipalityPaths, coastline } = computedGeometry();
  const [x, y] = projection.translate();
  const stored: StoredCoverageMap = {
    scale: projection.scale(),
    translate: [x, y],
    municipalityPaths: municipalityPaths.map(({ code, d }) => [code, d]),
    coastline,
    provinceBorders: [divisionKey(provinces), computedProvinceBorders(provinces, projection)],
  };
  return JSON.stringify(stored);
}

interface StoredCoverageMap {
  /** The Mercator projection fitted to the map box: fitExtent sets its scale and translation and nothing else. */
  scale: number;
  translate: [number, number];
  municipalityPaths: [string, string][];
  coastline: string;
  provinceBorders: [division: string, borders: string];
}

/** What the build stored, its province borders among the known ones; undefined when dist/ holds none for this code (precomputed.ts). */
function storedGeometry(): MapGeometry | undefined {
  const bytes = precomputedBytes('coverageMap');
  if (bytes === undefined) return undefined;
  const stored = JSON.parse(bytes.toString('utf8')) as StoredCoverageMap;
  bordersByDivision.set(...stored.provinceBorders);
  return {
    projection: geoMercator().scale(stored.scale).translate(stored.translate),
    municipalityPaths: stored.municipalityPaths.map(([code, d]) => ({ code, d })),
    coastline: stored.coastline,
  };
}

function computedGeometry(): MapGeometry {
  const { topology, municipalities } = municipalityTopology();
  const collection = municipalityFeatures();
  const projection = geoMercator().fitExtent(
    [
      [MAP_BOX.x, MAP_BOX.y],
      [MAP_BOX.x + MAP_BOX.width, MAP_BOX.y + MAP_BOX.height],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  return {
    projection,
    municipalityPaths: collection.features.map((municipality) => ({ code: String(municipality.id), d: path(municipality) ?? '' })),
    coastline: path(mesh(topology, municipalities, (a, b) => a === b)) ?? '',
  };
}

/** Province borders per division of the municipalities into provinces (keyed by the provinces in file order); a run draws one or two. */
const bordersByDivision = new Map<string, string>();
const KEPT_DIVISIONS = 4;

function provinceBordersOf(provinces: Readonly<Record<string, string>>): string {
  const { projection } = mapGeometry();
  const key = divisionKey(provinces);
  const known = bordersByDivision.get(key);
  if (known !== undefined) return known;
  const borders = computedProvinceBorders(provinces, projection);
  if (bordersByDivision.size >= KEPT_DIVISIONS) bordersByDivision.clear();
  bordersByDivision.set(key, borders);
  return borders;
}

function divisionKey(provinces: Readonly<Record<string, string>>): string {
  return municipalityTopology()
    .codes.map((code) => provinces[code] ?? '')
    .join('\n');
}

function computedProvinceBorders(provinces: Readonly<Record<string, string>>, projection: GeoProjection): string {
  const { topology, municipalities } = municipalityTopology();
  const provinceOf = (geometry: GeometryObject) => provinces[String(geometry.id)];
  const path = geoPath(projection).digits(1);
  return path(mesh(topology, municipalities, (a, b) => a !== b && provinceOf(a) !== provinceOf(b))) ?? '';
}

/**
 * Projects the map's geometry ahead of the first map, and with `provinces` (GM code to province,
 * as the figure is given them) that division's province borders: for a thread with time to spare.
 */
export function prepareCoverageMap(provinces?: Readonly<Record<string, string>>): void {
  mapGeometry();
  if (provinces) provinceBordersOf(provinces);
}

/**
 * A dot per projected point; above ONE_DOT_PER_SPOT_ABOVE each dot once, where it was last drawn
 * (what lies on top of overlapping dots stays on top). A dot's text depends on its rounded position
 * alone, so spots are told apart by that, and a text made only for the dots drawn.
 */
function dotsSvg(points: CoverageMapInput['points'], projection: GeoProjection): string[] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const point of points) {
    const xy = projection([point.lon, point.lat]);
    if (!xy) continue;
    xs.push(round(xy[0]));
    ys.push(round(xy[1]));
  }
  const dot = (index: number) => `<circle cx="${xs[index]}" cy="${ys[index]}" r="${STYLE.point.radius}"/>`;
  if (xs.length <= ONE_DOT_PER_SPOT_ABOVE) return xs.map((_, index) => dot(index));
  const lastAt = new Map<string, number>();
  for (let index = 0; index < xs.length; index++) {
    const spot = `${xs[index]} ${ys[index]}`;
    lastAt.delete(spot); // so that the map's order is that of each spot's last dot
    lastAt.set(spot, index);
  }
  return Array.from(lastAt.values(), dot);
}

function checkInput(input: CoverageMapInput, codes: readonly string[]): void {
  const mapped = new Set(codes);
  const unknown = Object.keys(input.values).filter((code) => !mapped.has(code));
  if (unknown.length > 0) throw new Error(`values for GM codes that are not on the 2025 map: ${unknown.slice(0, 5).join(', ')}`);
  const withoutProvince = codes.filter((code) => input.provinceOf[code] === undefined);
  if (withoutProvince.length > 0) throw new Error(`no province for ${withoutProvince.slice(0, 5).join(', ')}`);
}

function titleSvg(title: string): string {
  const lines = wrapText(title, COVERAGE_MAP_SIZE.width - 2 * MARGIN, TITLE.fontSize, 'bold');
  if (lines.length > TITLE.maxLines) throw new Error(`map title needs more than ${TITLE.maxLines} lines: ${title}`);
  return lines
    .map(
      (line, index) =>
        `<text x="${MARGIN}" y="${MARGIN + TITLE.fontSize + index * TITLE.lineHeight}" font-family="${FONT_FAMILY}" font-size="${TITLE.fontSize}" font-weight="bold" fill="${NEUTRAL.text}">${escapeXml(line)}</text>`,
    )
    .join('\n');
}

function captionSvg(paragraphs: readonly string[]): string {
  const lines = paragraphs.flatMap((paragraph) => wrapText(paragraph, COVERAGE_MAP_SIZE.width - 2 * MARGIN, CAPTION.fontSize));
  if (lines.length > CAPTION.maxLines) throw new Error(`the caption below the map needs more than ${CAPTION.maxLines} lines`);
  const bottom = COVERAGE_MAP_SIZE.height - 14;
  return lines
    .map(
      (line, index) =>
        `<text x="${MARGIN}" y="${bottom - (lines.length - 1 - index) * CAPTION.lineHeight}" font-family="${FONT_FAMILY}" font-size="${CAPTION.fontSize}" fill="${NEUTRAL.axis}">${escapeXml(line)}</text>`,
    )
    .join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
