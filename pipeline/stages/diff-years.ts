/**
 * Year on year: what changed between two built monitor years, per location (by its stable id)
 * and per province and IZA-region.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { provinceRank } from '../../sources/reference/provinces.ts';
import type { MonitorDatabase } from '../db/database.ts';

export type ChangeKind = 'nieuw' | 'niet meer in beeld' | 'gewijzigd' | 'ongewijzigd';

export interface LocationChange {
  locationId: string;
  name: string;
  organisation: string | null;
  municipality: string | null;
  province: string;
  izaRegion: string | null;
  change: ChangeKind;
  /** Changed fields as "veld: oud → nieuw", or why a location is new or gone. */
  details: string;
}

export interface AreaChange {
  level: 'nederland' | 'provincie' | 'iza_regio';
  area: string;
  inViewBefore: number;
  inViewAfter: number;
  weightedBefore: number;
  weightedAfter: number;
  difference: number;
  /** % change of in-view count; null when there were none before. */
  changePct: number | null;
}

export interface YearDiff {
  from: number;
  to: number;
  locations: LocationChange[];
  areas: AreaChange[];
}

const Location = z.object({
  location_id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
  gm_code: z.string().nullable(),
  municipality: z.string().nullable(),
  province: z.string(),
  iza_region: z.string().nullable(),
  size_class: z.string(),
  status: z.string(),
  sources: z.string(),
});
type Location = z.infer<typeof Location>;

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
  const [before, after] = [await readLocations(database, from), await readLocations(database, to)];
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const locations = ids.flatMap((id) => {
    const change = locationChange(before.get(id), after.get(id));
    return change ? [change] : [];
  });
  return { from, to, locations: locations.sort(byPlace), areas: await areaChanges(database, from, to) };
}

async function readLocations(database: MonitorDatabase, year: number): Promise<Map<string, Location>> {
  const built = await database.query(z.object({ n: z.number() }), 'SELECT count(*)::INTEGER AS n FROM build_run WHERE year = $1', [year]);
  if (!built[0]?.n) throw new MonitorError(`monitor ${year} is nog niet gebouwd; gebruik eerst 'lsp-monitor build --year ${year}'`);
  const rows = await database.query(
    Location,
    `SELECT location_id, name, organisation, postcode, place, gm_code, municipality, province, iza_region,
            size_class, status, sources FROM location WHERE year = $1`,
    [year],
  );
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

const AreaRow = z.object({ level: z.enum(['nederland', 'provincie', 'iza_regio']), area: z.string(), year: z.number(), in_view: z.number(), weighted: z.number() });

async function areaChanges(database: MonitorDatabase, from: number, to: number): Promise<AreaChange[]> {
  const rows = await database.query(
    AreaRow,
    `SELECT level, area_name AS area, year, in_view, weighted FROM coverage
      WHERE year IN ($1, $2) AND level IN ('nederland', 'provincie', 'iza_regio')`,
    [from, to],
  );
  const key = (row: { level: string; area: string }) => `${row.level}|${row.area}`;
  const areas = new Map<string, AreaChange>();
  for (const row of rows) {
    const entry = areas.get(key(row)) ?? {
      level: row.level, area: row.area, inViewBefore: 0, inViewAfter: 0, weightedBefore: 0, weightedAfter: 0, difference: 0, changePct: null,
    };
    if (row.year === from) Object.assign(entry, { inViewBefore: row.in_view, weightedBefore: row.weighted });
    else Object.assign(entry, { inViewAfter: row.in_view, weightedAfter: row.weighted });
    areas.set(key(row), entry);
  }
  const levelOrder = { nederland: 0, provincie: 1, iza_regio: 2 } as const;
  return [...areas.values()]
    .map((area) => ({
      ...area,
      difference: area.inViewAfter - area.inViewBefore,
      changePct: area.inViewBefore === 0 ? null : ((area.inViewAfter - area.inViewBefore) / area.inViewBefore) * 100,
    }))
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

/** "318 steunpunten, +40 (+14%) ten opzichte van 2024" */
export function diffSummaryNl(diff: YearDiff): string {
  const national = diff.areas.find((area) => area.level === 'nederland');
  if (!national) return '';
  const sign = national.difference >= 0 ? '+' : '−';
  const pct = national.changePct === null ? '' : ` (${sign}${Math.abs(Math.round(national.changePct))}%)`;
  const counts = (['nieuw', 'niet meer in beeld', 'gewijzigd'] as const)
    .map((kind) => `${diff.locations.filter((location) => location.change === kind).length} ${kind}`)
    .join(', ');
  return `${national.inViewAfter} steunpunten, ${sign}${Math.abs(national.difference)}${pct} ten opzichte van ${diff.from} (${counts}).`;
}
