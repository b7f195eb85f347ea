/**
 * The site's map as inline SVG, rendered here with d3-geo: municipalities as links to their
 * IZA-region's page (classed for both colourings, the switch is CSS), province and IZA-region
 * borders, and the steunpunten as focusable points, one per spot (steunpunten placed on the same
 * place or municipality centre share it). Coordinates rounded to 0.1 px: deterministic and small.
 */
import { geoBounds, geoMercator, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import { municipalityFeatures, municipalityTopology } from '../figures/municipality-topology.ts';
import { precomputedBytes } from '../../sources/reference/precomputed.ts';
import type { LocationRow } from '../../pipeline/read/read-monitor.ts';
import { joined, type Chunks } from './chunks.ts';
import { escapeHtml } from './html.ts';
import { steunpuntTip, type MapModel } from './map-model.ts';

export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 720;

export interface MapFocus {
  level: 'provincie' | 'iza_regio';
  name: string;
}

export interface SiteMapOptions {
  /** "" on the start page, "../" one folder down. */
  root: string;
  /** Region pages: fit the map to the region and highlight it. */
  focus?: MapFocus;
  regionSlug: (izaRegion: string) => string;
  label: string;
}

/**
 * Reads the maps the build projected (`siteMapsToStore`), or else reads the map and measures each
 * municipality's longitude/latitude box before any page needs them.
 */
export function prepareSiteMap(): void {
  if (knownViews().size > 0) return;
  for (const item of municipalityFeatures().features) geographicBounds(item);
}

/**
 * Which province and IZA-region each municipality lies in: all a map's geometry depends on (the
 * view fitted to a region, the border lines). A `MapModel` is one; so is the division of the
 * reference data, known before the year is built (`prepareMapViews`).
 */
export interface MapDivision {
  municipalities: ReadonlyMap<string, { readonly province: string; readonly izaRegion: string | null }>;
}

/** A division as rows that a worker thread can be sent: GM code, province, IZA-region. */
export type DivisionRow = readonly [code: string, province: string, izaRegion: string | null];

export function divisionOfRows(rows: readonly DivisionRow[]): MapDivision {
  return { municipalities: new Map(rows.map(([code, province, izaRegion]) => [code, { province, izaRegion }])) };
}

export function siteMapSvg(model: MapModel, options: SiteMapOptions): Chunks {
  const inFocus = (code: string): boolean => isInFocus(model, options.focus, code);
  const view = viewOf(model, options.focus);

  const areas = [...view.shapes].map(([code, shape]) => {
    const municipality = model.municipalities.get(code);
    if (!municipality) throw new Error(`municipality ${code} of the map is not in the monitor`);
    const classes = [
      'gm',
      municipality.distanceClass === null ? 'dx' : `d${municipality.distanceClass}`,
      municipality.coverageClass === null ? 'cx' : `c${municipality.coverageClass}`,
      ...(inFocus(code) ? ['in'] : []),
    ].join(' ');
    const target = municipality.izaRegion === null ? '' : ` href="${options.root}iza-regio/${options.regionSlug(municipality.izaRegion)}.html"`;
    const label = `${municipality.name}${municipality.izaRegion === null ? '' : `, IZA-regio ${municipality.izaRegion}`}`;
    return `<a class="${classes}"${target} data-gm="${code}" data-name="${escapeHtml(municipality.name)}" data-tip="${escapeHtml(municipality.tip)}" aria-label="${escapeHtml(label)}"><path d="${shape}"/></a>`;
  });

  const { provinces: provinceBorders, regions: regionBorders, coast } = projectedBorders(view, model);
  const focusOutline = view.focusOutline;

  return joined(
    (function* () {
      yield `<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="group" aria-label="${escapeHtml(options.label)}">`;
      yield `<g class="areas">`;
      yield* areas;
      yield '</g>';
      yield `<path class="coast" d="${coast}"/>`;
      yield `<path class="iza-borders" d="${regionBorders}"/>`;
      yield `<path class="province-borders" d="${provinceBorders}"/>`;
      if (focusOutline !== '') yield `<path class="focus-outline" d="${focusOutline}"/>`;
      yield '<g class="points">';
      const placed = placedSteunpunten(model);
      for (const spot of mapSpots(placed, projectionOf(view))) yield spotSvg(placed, spot);
      yield '</g>';
      yield '</svg>';
    })(),
  );
}

function isInFocus(division: MapDivision, focus: MapFocus | undefined, code: string): boolean {
  const municipality = division.municipalities.get(code);
  if (!focus || !municipality) return false;
  return focus.level === 'provincie' ? municipality.province === focus.name : municipality.izaRegion === focus.name;
}

function viewOf(division: MapDivision, focus: MapFocus | undefined): ProjectedView {
  return projectedView(focusedCodes(division, focus), focus !== undefined);
}

function focusedCodes(division: MapDivision, focus: MapFocus | undefined): string[] {
  return municipalityTopology().codes.filter((code) => isInFocus(division, focus, code));
}

/**
 * Projects the maps of a division ahead of its pages: the national map's and each province's and
 * IZA-region's view and borders, one map per step, so that a caller with time to spare (the report's
 * worker while the year is built) can stop between maps. The pages of a year with this division then
 * find them made; a year with another division makes its own, so no page depends on it.
 */
export function* prepareMapViews(division: MapDivision): Generator<void, void, undefined> {
  for (const focus of focusesOf(division)) {
    projectedBorders(viewOf(division, focus), division);
    yield;
  }
}

/** Every map of a division's site: the national map, each province's and each IZA-region's. */
function focusesOf(division: MapDivision): (MapFocus | undefined)[] {
  const values = [...division.municipalities.values()];
  return [
    undefined,
    ...[...new Set(values.map((municipality) => municipality.province))].map((name): MapFocus => ({ level: 'provincie', name })),
    ...[...new Set(values.flatMap((municipality) => (municipality.izaRegion === null ? [] : [municipality.izaRegion])))].map((name): MapFocus => ({ level: 'iza_regio', name })),
  ];
}

/**
 * Every map of a division's site projected, as the build stores them in dist/ (`npm ci`,
 * pipeline/cli/precompute.ts) for the division of the reference data: a report of that division then
 * projects none. Computed here whatever the caches hold.
 */
export function siteMapsToStore(division: MapDivision): string {
  const key = divisionKey(division);
  const lines = borderLines(division, key);
  const views = focusesOf(division).map((focus): StoredView => {
    const codes = focusedCodes(division, focus);
    const view = computedView(codes, focus !== undefined);
    const { scale, translate, digits, shapes, focusOutline } = view;
    return { key: viewKey(codes, focus !== undefined), scale, translate, digits, shapes: [...shapes], focusOutline, borders: bordersOn(view, lines) };
  });
  return JSON.stringify({ division: key, views } satisfies StoredSiteMaps);
}

/** The site's maps as stored: the views of one division, each with that division's borders. */
interface StoredSiteMaps {
  division: string;
  views: StoredView[];
}

interface StoredView {
  key: string;
  scale: number;
  translate: [number, number];
  digits: number;
  shapes: [string, string][];
  focusOutline: string;
  borders: ProjectedBorders;
}

/** The views the build stored (an empty map when dist/ holds none for this code: precomputed.ts). */
function storedViews(): Map<string, ProjectedView> {
  const bytes = precomputedBytes('siteMaps');
  if (bytes === undefined) return new Map();
  const stored = JSON.parse(bytes.toString('utf8')) as StoredSiteMaps;
  return new Map(
    stored.views.map(({ key, scale, translate, digits, shapes, focusOutline, borders }) => [
      key,
      { scale, translate, digits, shapes: new Map(shapes), focusOutline, borders: new Map([[stored.division, borders]]) },
    ]),
  );
}

interface Spot {
  x: number;
  y: number;
  /** Indexes into the placed steunpunten. */
  members: number[];
}

/**
 * The steunpunten on the map, grouped per spot (rounded position), in the order of the model. Only
 * those whose longitude and latitude lie within the map's box (and a pixel around it) are projected:
 * Mercator keeps west-east and south-north order, so the box's corners bound what can be drawn.
 */
function mapSpots({ lon, lat }: PlacedSteunpunten, projection: GeoProjection): Spot[] {
  const topLeft = projection.invert?.([-1, -1]);
  const bottomRight = projection.invert?.([MAP_WIDTH + 1, MAP_HEIGHT + 1]);
  const [west, north] = topLeft ?? [-Infinity, Infinity];
  const [east, south] = bottomRight ?? [Infinity, -Infinity];
  // A spot by its position in tenths of a pixel as one number (x and y lie within the map): no text per steunpunt and map.
  const spots = new Map<number, Spot>();
  const position: [number, number] = [0, 0];
  for (let index = 0; index < lon.length; index++) {
    const longitude = lon[index]!;
    const latitude = lat[index]!;
    if (longitude < west || longitude > east || latitude < south || latitude > north) continue;
    position[0] = longitude;
    position[1] = latitude;
    const xy = projection(position);
    if (!xy) continue;
    const [x, y] = [round(xy[0]), round(xy[1])];
    if (x < 0 || y < 0 || x > MAP_WIDTH || y > MAP_HEIGHT) continue;
    const key = Math.round(x * 10) * SPOT_ROW + Math.round(y * 10);
    const spot = spots.get(key);
    if (spot) spot.members.push(index);
    else spots.set(key, { x, y, members: [index] });
  }
  return [...spots.values()];
}

/** More than the tenths of a pixel in the map's height: a spot's key is x × SPOT_ROW + y, in tenths. */
const SPOT_ROW = 10 * MAP_HEIGHT + 1;

/** Escaping is per character, so the escaped parts joined are the joined text escaped. */
function spotSvg(placed: PlacedSteunpunten, { x, y, members }: Spot): string {
  if (members.length === 1) {
    const index = members[0]!;
    return `<circle class="pt" cx="${x}" cy="${y}" r="3.5" tabindex="0" role="img" data-ids="${placed.locations[index]!.location_id}" data-tip="${placed.escapedTip(index)}" aria-label="Steunpunt ${placed.escapedName(index)}"/>`;
  }
  const names = members.map((index) => placed.escapedName(index));
  const tips = members.map((index) => placed.escapedTip(index));
  const label = `${names.length} steunpunten op deze plek: ${names.join('; ')}`;
  const tip = [`${tips.length} steunpunten op deze plek`, ...tips].join('\n\n');
  const ids = members.map((index) => placed.locations[index]!.location_id).join(' ');
  return `<circle class="pt many" cx="${x}" cy="${y}" r="4.5" tabindex="0" role="img" data-ids="${ids}" data-tip="${tip}" aria-label="${label}"/>`;
}

/**
 * The model's steunpunten with coordinates, their longitudes and latitudes as numbers, and each one's
 * tooltip and name escaped once when first drawn (a steunpunt is on the start map, its province's and its
 * region's, and its neighbours'): made once per model for every map.
 */
interface PlacedSteunpunten {
  lon: Float64Array;
  lat: Float64Array;
  locations: readonly LocationRow[];
  escapedTip: (index: number) => string;
  escapedName: (index: number) => string;
}

const placedOnce = new WeakMap<MapModel, PlacedSteunpunten>();

function placedSteunpunten(model: MapModel): PlacedSteunpunten {
  const known = placedOnce.get(model);
  if (known) return known;
  const locations = model.steunpunten.filter((location) => location.lat !== null && location.lon !== null);
  const tips: (string | undefined)[] = new Array<string | undefined>(locations.length);
  const names: (string | undefined)[] = new Array<string | undefined>(locations.length);
  const placed = {
    lon: coordinates(locations, 'lon'),
    lat: coordinates(locations, 'lat'),
    locations,
    escapedTip: (index: number) => (tips[index] ??= escapeHtml(steunpuntTip(locations[index]!))),
    escapedName: (index: number) => (names[index] ??= escapeHtml(locations[index]!.name)),
  };
  placedOnce.set(model, placed);
  return placed;
}

/** One coordinate of each location, in a plain loop (`Float64Array.from` with a mapping function walks the array as an iterable: about 300 against 50 ms at half a million). */
function coordinates(locations: readonly LocationRow[], axis: 'lon' | 'lat'): Float64Array {
  const values = new Float64Array(locations.length);
  for (let index = 0; index < locations.length; index++) values[index] = locations[index]![axis] ?? Number.NaN;
  return values;
}

/** Each municipality's longitude/latitude box, computed once: most of them lie far off a region's map. */
const boundsOnce = new WeakMap<Feature<Geometry>, [[number, number], [number, number]]>();

function geographicBounds(item: Feature<Geometry>): [[number, number], [number, number]] {
  const known = boundsOnce.get(item);
  if (known) return known;
  const bounds = geoBounds(item);
  boundsOnce.set(item, bounds);
  return bounds;
}

/**
 * Whether a box lies beyond the map by more than a margin. Mercator keeps west-east and south-north
 * order, so the projected corners bound the projected shape; the margin covers d3's resampling of
 * the lines between them. Only a shape that is surely off the map skips the exact path bounds.
 */
function clearlyOutside(projection: GeoProjection, [[west, south], [east, north]]: [[number, number], [number, number]]): boolean {
  const MARGIN = 5;
  const topLeft = projection([west, north]);
  const bottomRight = projection([east, south]);
  if (!topLeft || !bottomRight) return false;
  return bottomRight[0] < -MARGIN || bottomRight[1] < -MARGIN || topLeft[0] > MAP_WIDTH + MARGIN || topLeft[1] > MAP_HEIGHT + MARGIN;
}

interface BorderLines {
  provinces: MultiLineString;
  regions: MultiLineString;
  coast: MultiLineString;
}

/**
 * A map's view: the projection fitted to the municipalities in focus (all of them on the national
 * map), each visible municipality's outline projected, and the focus outline. It depends on the
 * focused codes alone, so every report of a process (each year of `run`, the test suite's many)
 * projects a region's map once; the classes and links drawn over it come from the model each time.
 */
interface ProjectedView {
  /** The fitted Mercator projection: fitExtent sets its scale and translation and nothing else. */
  scale: number;
  translate: [number, number];
  /** Decimals of the projected paths. */
  digits: number;
  /** Code to projected outline, in the map's order, for the municipalities on the map. */
  shapes: ReadonlyMap<string, string>;
  focusOutline: string;
  /** Projected borders per division (`divisionKey`). */
  borders: Map<string, ProjectedBorders>;
}

interface ProjectedBorders {
  provinces: string;
  regions: string;
  coast: string;
}

let viewsOnce: Map<string, ProjectedView> | undefined;

function knownViews(): Map<string, ProjectedView> {
  viewsOnce ??= storedViews();
  return viewsOnce;
}

function viewKey(focusedCodes: readonly string[], focused: boolean): string {
  return `${focused ? 'focus' : 'land'}:${focusedCodes.join(',')}`;
}

function projectedView(focusedCodes: readonly string[], focused: boolean): ProjectedView {
  const key = viewKey(focusedCodes, focused);
  const views = knownViews();
  const known = views.get(key);
  if (known) return known;
  const view = computedView(focusedCodes, focused);
  views.set(key, view);
  return view;
}

const projections = new WeakMap<ProjectedView, { projection: GeoProjection; path: GeoPath }>();

function projectedWith(view: ProjectedView): { projection: GeoProjection; path: GeoPath } {
  let made = projections.get(view);
  if (made === undefined) {
    const projection = geoMercator().scale(view.scale).translate(view.translate);
    made = { projection, path: geoPath(projection).digits(view.digits) };
    projections.set(view, made);
  }
  return made;
}

function projectionOf(view: ProjectedView): GeoProjection {
  return projectedWith(view).projection;
}

function computedView(focusedCodes: readonly string[], focused: boolean): ProjectedView {
  const { topology, municipalities } = municipalityTopology();
  const collection = municipalityFeatures();
  const inFocus = new Set(focusedCodes);
  const focusedFeatures = collection.features.filter((item) => inFocus.has(String(item.id)));
  const fitted: FeatureCollection<Geometry> = focusedFeatures.length > 0 ? { type: 'FeatureCollection', features: focusedFeatures } : collection;
  const padding = focused ? 30 : 8;
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [MAP_WIDTH - padding, MAP_HEIGHT - padding],
    ],
    fitted,
  );
  // A region fills the map, so whole pixels are as sharp there as tenths are on the national map.
  const digits = focused ? 0 : 1;
  const path = geoPath(projection).digits(digits);
  const visible = (item: Feature<Geometry>): boolean => {
    if (clearlyOutside(projection, geographicBounds(item))) return false;
    const [[x0, y0], [x1, y1]] = path.bounds(item);
    return x1 >= 0 && y1 >= 0 && x0 <= MAP_WIDTH && y0 <= MAP_HEIGHT;
  };
  const shapes = new Map(collection.features.filter(visible).map((item) => [String(item.id), path(item) ?? ''] as const));
  const focusOutline = focused
    ? path(mesh(topology, municipalities, (a, b) => (a === b ? inFocus.has(String(a.id)) : inFocus.has(String(a.id)) !== inFocus.has(String(b.id))))) ?? ''
    : '';
  const [x, y] = projection.translate();
  const view: ProjectedView = { scale: projection.scale(), translate: [x, y], digits, shapes, focusOutline, borders: new Map<string, ProjectedBorders>() };
  projections.set(view, { projection, path });
  return view;
}

/** The province and IZA-region borders and the coast on a view, merged and projected once per division. */
function projectedBorders(view: ProjectedView, model: MapDivision): ProjectedBorders {
  const division = divisionKey(model);
  const known = view.borders.get(division);
  if (known) return known;
  const projected = bordersOn(view, borderLines(model, division));
  view.borders.set(division, projected);
  return projected;
}

function bordersOn(view: ProjectedView, lines: BorderLines): ProjectedBorders {
  const { path } = projectedWith(view);
  return { provinces: path(lines.provinces) ?? '', regions: path(lines.regions) ?? '', coast: path(lines.coast) ?? '' };
}

/** Which province and IZA-region each municipality of the map lies in: what the border lines depend on. */
const divisionKeys = new WeakMap<MapDivision, string>();

function divisionKey(model: MapDivision): string {
  const known = divisionKeys.get(model);
  if (known !== undefined) return known;
  const key = municipalityTopology()
    .codes.map((code) => {
      const municipality = model.municipalities.get(code);
      return `${code}:${municipality?.province ?? ''}:${municipality?.izaRegion ?? ''}`;
    })
    .join('|');
  divisionKeys.set(model, key);
  return key;
}

interface BorderLines {
  provinces: MultiLineString;
  regions: MultiLineString;
  coast: MultiLineString;
}

/** The same borders on every page and in every report of a division: merged from the topology once. */
const borderLinesOnce = new Map<string, BorderLines>();

function borderLines(model: MapDivision, division: string): BorderLines {
  const known = borderLinesOnce.get(division);
  if (known) return known;
  const { topology, municipalities } = municipalityTopology();
  const attribute = (pick: (code: string) => string | null | undefined) => (a: GeometryObject, b: GeometryObject) =>
    a !== b && pick(String(a.id)) !== pick(String(b.id));
  const lines = {
    provinces: mesh(topology, municipalities, attribute((code) => model.municipalities.get(code)?.province)),
    regions: mesh(topology, municipalities, attribute((code) => model.municipalities.get(code)?.izaRegion)),
    coast: mesh(topology, municipalities, (a, b) => a === b),
  };
  borderLinesOnce.set(division, lines);
  return lines;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
