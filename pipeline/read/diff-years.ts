/**
 * Year on year: what changed between two built monitor years, per location (by its stable id)
 * and per province and IZA-region.
 *
 * The change in view per area is taken apart so that it adds up exactly:
 *   after = before + methodEffect + opened − closed + moved
 * methodEffect: the earlier year's steunpunten counted as the later year's method counts them
 * (galan2024 counts a steunpunt in its IZA-region's province, actueel in its municipality's), minus
 * as the earlier year counted them; no steunpunt moved for it. opened / closed: steunpunten that
 * came into view or left it; moved: net steunpunten that now count in another area of this level.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { provinceRank } from '../../sources/reference/provinces.ts';
import { CoverageMethod } from '../../sources/settings/monitor-config.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES } from '../db/tables.ts';
import { methodLabelNl } from '../config/method-label.ts';
import { packedReader } from './packed-rows.ts';
import type { AreaChange, LocationChange, ProvinceOfLocation, YearDiff, YearMethod } from './year-diff.ts';

export { diffSummaryNl, methodChangeNl } from './year-diff.ts';
export type { AreaChange, ChangeKind, LocationChange, ProvinceOfLocation, YearDiff, YearMethod } from './year-diff.ts';

const BUILD_OF_YEAR = sql('read/read-monitor/build-of-year.sql');
const REGION_PROVINCES = sql('read/diff-years/region-provinces.sql');
const LOCATIONS_OF_YEAR = sql('read/diff-years/locations-of-year.sql');
const LOCATIONS_OF_YEAR_ORDERED = sql('read/diff-years/locations-of-year-ordered.sql');
const AREA_COUNTS = sql('read/diff-years/area-counts.sql');

const Location = TABLES.location.pick({
  location_id: true,
  name: true,
  organisation: true,
  postcode: true,
  place: true,
  gm_code: true,
  municipality: true,
  province: true,
  iza_region: true,
  size_class: true,
  status: true,
  sources: true,
});
type Location = z.infer<typeof Location>;
const locationReader = packedReader('location', Location, { ordered: LOCATIONS_OF_YEAR_ORDERED, rows: LOCATIONS_OF_YEAR });

/** The fields a researcher sees change, with their export names. */
const COMPARED_FIELDS = [
  ['name', 'naam'],
  ['organisation', 'organisatie'],
  ['postcode', 'postcode'],
  ['place', 'plaats'],
  ['gm_code', 'gemeentecode'],
  ['iza_region', 'iza_regio'],
  ['size_class', 'grootte'],
  ['status', 'status'],
] as const satisfies readonly (readonly [keyof Location, string])[];

export async function diffYears(database: MonitorDatabase, from: number, to: number): Promise<YearDiff> {
  const methods = { before: await readMethod(database, from), after: await readMethod(database, to) };
  const [before, after] = [await readLocations(database, from), await readLocations(database, to)];
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const locations = ids.flatMap((id) => {
    const change = locationChange(before.get(id), after.get(id));
    return change ? [change] : [];
  });
  const parts = changeParts(before, after, await readRegionProvinces(database), methods.after.provinceOfLocation);
  return { from, to, methods, locations: locations.sort(byPlace), areas: await areaChanges(database, from, to, parts) };
}

const BuildRun = TABLES.build_run.pick({ method: true, parameters: true });
// Only the key the diff needs: the rest of the stored method is the build's business.
const BuildParameters = z.object({
  method: z.looseObject({ provinceOfLocation: CoverageMethod.shape.provinceOfLocation, description: z.string().optional() }),
});

async function readMethod(database: MonitorDatabase, year: number): Promise<YearMethod> {
  const [build] = await database.query(BuildRun, BUILD_OF_YEAR, { year });
  if (!build) throw new MonitorError(`monitor ${year} is nog niet gebouwd; gebruik eerst 'lsp-monitor build --year ${year}'`);
  const { method } = BuildParameters.parse(JSON.parse(build.parameters));
  const label = method.description === undefined ? `‘${build.method}’` : methodLabelNl({ description: method.description });
  return { year, name: build.method, label, provinceOfLocation: method.provinceOfLocation };
}

async function readRegionProvinces(database: MonitorDatabase): Promise<Map<string, string>> {
  const rows = await database.query(TABLES.ref_region_province, REGION_PROVINCES);
  return new Map(rows.map((row) => [row.iza_region, row.province]));
}

async function readLocations(database: MonitorDatabase, year: number): Promise<Map<string, Location>> {
  const rows = await locationReader.read(database, { year });
  return new Map(rows.map((row) => [row.location_id, row]));
}

function locationChange(before: Location | undefined, after: Location | undefined): LocationChange | undefined {
  const current = after ?? before!;
  const base = {
    locationId: current.location_id,
    name: current.name,
    organisation: current.organisation,
    municipality: current.municipality,
    province: current.province,
    izaRegion: current.iza_region,
  };
  const wasInView = before?.status === 'actief';
  const isInView = after?.status === 'actief';
  if (!wasInView && !isInView) return undefined;
  if (!wasInView) {
    return { ...base, change: 'nieuw', details: before ? `weer in beeld (was ${before.status})` : `nieuw in ${after!.sources}` };
  }
  if (!isInView) {
    const details = after ? `${after.status} volgens ${after.sources}` : 'niet meer genoemd door de bronnen';
    return { ...base, change: 'niet meer in beeld', details };
  }
  const changed = COMPARED_FIELDS.filter(([field]) => before![field] !== after![field]).map(
    ([field, label]) => `${label}: ${before![field] ?? '–'} → ${after![field] ?? '–'}`,
  );
  return { ...base, change: changed.length > 0 ? 'gewijzigd' : 'ongewijzigd', details: changed.join('; ') };
}

type Level = AreaChange['level'];
const LEVELS: readonly Level[] = ['nederland', 'provincie', 'iza_regio'];
type Parts = Pick<AreaChange, 'recountedBefore' | 'opened' | 'closed' | 'moved'>;

/**
 * The area a location counts in at a level, as build-coverage.ts counts it under a method:
 * 'iza-regio' puts it in its region's province (its municipality's when the region is unknown).
 */
function areaOf(level: Level, location: Location, regionProvinces: ReadonlyMap<string, string>, rule: ProvinceOfLocation): string | null {
  if (level === 'nederland') return 'Nederland';
  if (level === 'iza_regio') return location.iza_region;
  return rule === 'iza-regio' && location.iza_region !== null ? regionProvinces.get(location.iza_region) ?? location.province : location.province;
}

/** Per level and area: the earlier year recounted under the later method, and what opened, closed and moved. */
function changeParts(
  before: ReadonlyMap<string, Location>,
  after: ReadonlyMap<string, Location>,
  regionProvinces: ReadonlyMap<string, string>,
  rule: ProvinceOfLocation,
): Map<string, Parts> {
  const parts = new Map<string, Parts>();
  const add = (level: Level, location: Location, field: keyof Parts, amount: number) => {
    const area = areaOf(level, location, regionProvinces, rule);
    if (area === null) return;
    const entry = parts.get(`${level}|${area}`) ?? { recountedBefore: 0, opened: 0, closed: 0, moved: 0 };
    entry[field] += amount;
    parts.set(`${level}|${area}`, entry);
  };
  const inView = (location: Location | undefined): location is Location => location?.status === 'actief';
  for (const level of LEVELS) {
    for (const [id, earlier] of before) {
      const later = after.get(id);
      if (!inView(earlier)) continue;
      add(level, earlier, 'recountedBefore', 1);
      if (!inView(later)) add(level, earlier, 'closed', 1);
      else if (areaOf(level, earlier, regionProvinces, rule) !== areaOf(level, later, regionProvinces, rule)) {
        add(level, earlier, 'moved', -1);
        add(level, later, 'moved', 1);
      }
    }
    for (const [id, later] of after) if (inView(later) && !inView(before.get(id))) add(level, later, 'opened', 1);
  }
  return parts;
}

const AreaRow = z.object({ level: z.enum(['nederland', 'provincie', 'iza_regio']), area: z.string(), year: z.number(), in_view: z.number(), weighted: z.number() });

async function areaChanges(database: MonitorDatabase, from: number, to: number, parts: ReadonlyMap<string, Parts>): Promise<AreaChange[]> {
  const rows = await database.query(AreaRow, AREA_COUNTS, { from, to });
  const key = (row: { level: string; area: string }) => `${row.level}|${row.area}`;
  const areas = new Map<string, AreaChange>();
  for (const row of rows) {
    const entry = areas.get(key(row)) ?? {
      level: row.level, area: row.area, inViewBefore: 0, inViewAfter: 0, weightedBefore: 0, weightedAfter: 0, difference: 0, changePct: null,
      recountedBefore: 0, methodEffect: 0, opened: 0, closed: 0, moved: 0, ...parts.get(key(row)),
    };
    if (row.year === from) Object.assign(entry, { inViewBefore: row.in_view, weightedBefore: row.weighted });
    else Object.assign(entry, { inViewAfter: row.in_view, weightedAfter: row.weighted });
    areas.set(key(row), entry);
  }
  const levelOrder = { nederland: 0, provincie: 1, iza_regio: 2 } as const;
  return [...areas.values()]
    .map((area) => {
      const entry = {
        ...area,
        difference: area.inViewAfter - area.inViewBefore,
        changePct: area.inViewBefore === 0 ? null : ((area.inViewAfter - area.inViewBefore) / area.inViewBefore) * 100,
        methodEffect: area.recountedBefore - area.inViewBefore,
      };
      if (entry.inViewBefore + entry.methodEffect + entry.opened - entry.closed + entry.moved !== entry.inViewAfter) {
        throw new Error(`year-on-year parts of ${entry.level} ${entry.area} do not add up to the coverage counts`);
      }
      return entry;
    })
    .sort((a, b) =>
      levelOrder[a.level] - levelOrder[b.level] ||
      (a.level === 'provincie' ? provinceRank(a.area) - provinceRank(b.area) : a.area.localeCompare(b.area, 'nl')),
    );
}

function byPlace(a: LocationChange, b: LocationChange): number {
  return provinceRank(a.province) - provinceRank(b.province) ||
    (a.izaRegion ?? '').localeCompare(b.izaRegion ?? '', 'nl') ||
    a.name.localeCompare(b.name, 'nl') ||
    (a.locationId < b.locationId ? -1 : 1);
}
