/**
 * The built monitor of one year as plain typed data: what every writer in outputs/ renders.
 * Writers never query the database themselves, so they stay pure and golden-testable.
 */
import { z } from 'zod';
import { MonitorError } from '../sources/errors.ts';
import { provinceRank } from '../sources/reference/provinces.ts';
import { ClassifiedSize, LocationStatus } from '../sources/schema.ts';
import { CoverageMethod, MonitorConfig } from './config/config.ts';
import type { MonitorDatabase } from './db/database.ts';

const nullableText = z.string().nullable();

export const LocationRow = z.object({
  location_id: z.string(),
  name: z.string(),
  organisation: nullableText,
  address: nullableText,
  postcode: nullableText,
  place: nullableText,
  gm_code: nullableText,
  municipality: nullableText,
  province: z.string(),
  iza_region: nullableText,
  size_class: ClassifiedSize,
  size_basis: z.string(),
  weight: z.number(),
  status: LocationStatus,
  sources: z.string(),
  flags: nullableText,
  note: nullableText,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  coordinate_precision: nullableText,
  dagdelen_per_week: z.number().nullable(),
  visitors_per_week: z.number().nullable(),
  opening_hours: nullableText,
});
export type LocationRow = z.infer<typeof LocationRow>;

export const CoverageLevel = z.enum(['nederland', 'provincie', 'iza_regio', 'gemeente']);
export type CoverageLevel = z.infer<typeof CoverageLevel>;

export const CoverageRow = z.object({
  level: CoverageLevel,
  area: z.string(),
  area_name: z.string(),
  province: nullableText,
  iza_region: nullableText,
  municipalities: z.number().nullable(),
  population: z.number().nullable(),
  epa_pct: z.number().nullable(),
  epa_count: z.number().nullable(),
  epa_basis: nullableText,
  in_view: z.number(),
  potential: z.number(),
  weighted: z.number(),
  /** Exact desired number per participation percentage, e.g. { 15: 12.44, 30: 24.88 }. */
  desired: z.record(z.string(), z.number()),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const SourceBatch = z.object({
  source: z.string(),
  file_name: z.string(),
  sha256: z.string(),
  format: z.string(),
  rows_read: z.number(),
  rows_imported: z.number(),
  rows_rejected: z.number(),
});
export type SourceBatch = z.infer<typeof SourceBatch>;

export const RejectRow = z.object({
  source: z.string(),
  file_name: z.string(),
  row_number: z.number().nullable(),
  field: nullableText,
  reason: z.string(),
});
export type RejectRow = z.infer<typeof RejectRow>;

export const ReviewRow = z.object({
  pair_id: z.string(),
  stage: z.string(),
  location_a: nullableText,
  name_a: z.string(),
  place_a: nullableText,
  location_b: nullableText,
  name_b: z.string(),
  place_b: nullableText,
  score: z.number(),
  rule: z.string(),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

export const AccessibilityRow = z.object({
  gm_code: z.string(),
  municipality: z.string(),
  province: z.string(),
  population: z.number().nullable(),
  point_basis: z.string(),
  nearest_location_id: nullableText,
  nearest_name: nullableText,
  centre_km: z.number().nullable(),
  mean_km: z.number().nullable(),
  max_km: z.number().nullable(),
  /** Population within each distance band, keyed by km ("5", "10", …). */
  within: z.record(z.string(), z.number()),
});
export type AccessibilityRow = z.infer<typeof AccessibilityRow>;

export const ReachRow = z.object({
  level: z.enum(['nederland', 'provincie']),
  area: z.string(),
  km: z.number(),
  population: z.number(),
  share: z.number(),
});
export type ReachRow = z.infer<typeof ReachRow>;

export const WhiteSpotRow = z.object({
  rank: z.number(),
  gm_code: z.string(),
  municipality: z.string(),
  province: z.string(),
  population: z.number().nullable(),
  centre_km: z.number().nullable(),
  nearest_name: nullableText,
  nearest_place: nullableText,
  partly_within_reach: z.boolean(),
});
export type WhiteSpotRow = z.infer<typeof WhiteSpotRow>;

export const CharacteristicRow = z.object({
  characteristic: z.number(),
  answer: z.string(),
  locations: z.number(),
});
export type CharacteristicRow = z.infer<typeof CharacteristicRow>;

const BuildParameters = z.object({
  capacityPerWeek: z.number(),
  participationPct: z.array(z.number()),
  weights: MonitorConfig.shape.weights,
  sizeThresholds: MonitorConfig.shape.sizeThresholds,
  distance: MonitorConfig.shape.distance,
  method: CoverageMethod,
});

export interface MonitorData {
  year: number;
  method: Omit<CoverageMethod, 'populationYear' | 'epaYear'> & { name: string; populationYear: number; epaYear: number };
  parameters: z.infer<typeof BuildParameters>;
  sources: SourceBatch[];
  locations: LocationRow[];
  national: CoverageRow;
  provinces: CoverageRow[];
  regions: CoverageRow[];
  municipalities: CoverageRow[];
  rejects: RejectRow[];
  /** Doubtful duplicate pairs, for a person to decide (zelfde / verschillend). */
  review: ReviewRow[];
  accessibility: AccessibilityRow[];
  /** Share of the population within each distance band, per province (CBS order) and nationally. */
  reach: ReachRow[];
  whiteSpots: WhiteSpotRow[];
  /** Self-assessment: per characteristic and answer, how many steunpunten in view gave it (latest answer each). */
  characteristics: CharacteristicRow[];
  /** Self-assessment per location: its latest answer per characteristic. */
  locationAnswers: LocationAnswerRow[];
}

export const LocationAnswerRow = z.object({ location_id: z.string(), characteristic: z.number(), answer: z.string() });
export type LocationAnswerRow = z.infer<typeof LocationAnswerRow>;

export async function readMonitor(database: MonitorDatabase, year: number): Promise<MonitorData> {
  const [build] = await database.query(
    z.object({ method: z.string(), population_year: z.number(), epa_year: z.number(), parameters: z.string() }),
    'SELECT method, population_year, epa_year, parameters::VARCHAR AS parameters FROM build_run WHERE year = $1',
    [year],
  );
  if (!build) throw new MonitorError(`monitor ${year} is nog niet gebouwd; gebruik eerst 'lsp-monitor build --year ${year}'`);
  const parameters = BuildParameters.parse(JSON.parse(build.parameters));

  const coverage = await readCoverage(database, year);
  const national = coverage.find((row) => row.level === 'nederland');
  if (!national) throw new Error(`build of ${year} has no national coverage row`);
  const atLevel = (level: CoverageLevel) => coverage.filter((row) => row.level === level);

  return {
    year,
    method: { ...parameters.method, name: build.method, populationYear: build.population_year, epaYear: build.epa_year },
    parameters,
    sources: await database.query(
      SourceBatch,
      `SELECT source, file_name, sha256, format, rows_read, rows_imported, rows_rejected
         FROM import_batch WHERE year = $1 ORDER BY source`,
      [year],
    ),
    locations: await database.query(
      LocationRow,
      `SELECT location_id, name, organisation, address, postcode, place, gm_code, municipality, province, iza_region,
              size_class, size_basis, weight, status, sources, flags, note, lat, lon, coordinate_precision,
              dagdelen_per_week, visitors_per_week, opening_hours
         FROM location WHERE year = $1
        ORDER BY province, iza_region NULLS LAST, municipality NULLS LAST, organisation NULLS FIRST, name, location_id`,
      [year],
    ),
    national,
    provinces: atLevel('provincie').sort((a, b) => provinceRank(a.area) - provinceRank(b.area)),
    regions: atLevel('iza_regio'),
    municipalities: atLevel('gemeente'),
    rejects: await database.query(
      RejectRow,
      `SELECT source, file_name, row_number, field, reason FROM reject WHERE year = $1
        ORDER BY source, file_name, row_number NULLS FIRST, field, reason`,
      [year],
    ),
    review: await database.query(
      ReviewRow,
      `SELECT pair_id, stage, location_a, name_a, place_a, location_b, name_b, place_b, score, rule
         FROM match_pair WHERE year = $1 AND outcome = 'te beoordelen'
        ORDER BY stage, score DESC, pair_id`,
      [year],
    ),
    accessibility: await readAccessibility(database, year),
    reach: (await database.query(
      ReachRow,
      `SELECT level, area, km, population, share FROM reach WHERE year = $1 AND level IN ('nederland', 'provincie')`,
      [year],
    )).sort((a, b) => a.level.localeCompare(b.level) || provinceRank(a.area) - provinceRank(b.area) || a.km - b.km),
    characteristics: await database.query(
      CharacteristicRow,
      `WITH latest AS (
         SELECT a.location_id, a.characteristic, a.answer,
                row_number() OVER (PARTITION BY a.location_id, a.characteristic ORDER BY a.source DESC, a.origin DESC) AS version
           FROM survey_answer a JOIN location l ON l.year = a.year AND l.location_id = a.location_id
          WHERE a.year = $1 AND l.status = 'actief')
       SELECT characteristic, answer, count(*)::INTEGER AS locations FROM latest WHERE version = 1
        GROUP BY characteristic, answer ORDER BY characteristic, answer`,
      [year],
    ),
    locationAnswers: await database.query(
      LocationAnswerRow,
      `SELECT location_id, characteristic, answer FROM (
         SELECT location_id, characteristic, answer,
                row_number() OVER (PARTITION BY location_id, characteristic ORDER BY source DESC, origin DESC) AS version
           FROM survey_answer WHERE year = $1 AND location_id IS NOT NULL)
        WHERE version = 1 ORDER BY location_id, characteristic`,
      [year],
    ),
    whiteSpots: await database.query(
      WhiteSpotRow,
      `SELECT w.rank, w.gm_code, c.area_name AS municipality, c.province, c.population, a.centre_km,
              l.name AS nearest_name, coalesce(l.place, l.municipality) AS nearest_place, w.partly_within_reach
         FROM white_spot w
         JOIN coverage c ON c.year = w.year AND c.level = 'gemeente' AND c.area = w.gm_code
         JOIN accessibility a ON a.year = w.year AND a.gm_code = w.gm_code
         LEFT JOIN location l ON l.year = w.year AND l.location_id = a.nearest_location_id
        WHERE w.year = $1 ORDER BY w.rank`,
      [year],
    ),
  };
}

async function readAccessibility(database: MonitorDatabase, year: number): Promise<AccessibilityRow[]> {
  const rows = await database.query(
    AccessibilityRow.omit({ within: true }).extend({ within: z.string().nullable() }),
    `SELECT a.gm_code, c.area_name AS municipality, c.province, c.population, a.point_basis, a.nearest_location_id,
            l.name AS nearest_name, a.centre_km, a.mean_km, a.max_km,
            (SELECT json_group_object(r.km::VARCHAR, r.population)::VARCHAR FROM reach r
              WHERE r.year = a.year AND r.level = 'gemeente' AND r.area = a.gm_code) AS within
       FROM accessibility a
       JOIN coverage c ON c.year = a.year AND c.level = 'gemeente' AND c.area = a.gm_code
       LEFT JOIN location l ON l.year = a.year AND l.location_id = a.nearest_location_id
      WHERE a.year = $1 ORDER BY a.gm_code`,
    [year],
  );
  return rows.map((row) => ({ ...row, within: keyedByNumber(row.within) }));
}

async function readCoverage(database: MonitorDatabase, year: number): Promise<CoverageRow[]> {
  const rows = await database.query(
    CoverageRow.omit({ desired: true }).extend({ desired: z.string().nullable() }),
    `SELECT c.level, c.area, c.area_name, c.province, c.iza_region, c.municipalities, c.population, c.epa_pct,
            c.epa_count, c.epa_basis, c.in_view, c.potential, c.weighted,
            (SELECT json_group_object(t.participation_pct::VARCHAR, t.desired)::VARCHAR FROM coverage_target t
              WHERE t.year = c.year AND t.level = c.level AND t.area = c.area) AS desired
       FROM coverage c WHERE c.year = $1
      ORDER BY c.level, c.area_name`,
    [year],
  );
  return rows.map((row) => ({ ...row, desired: keyedByNumber(row.desired) }));
}

/** DuckDB writes 15.0 as "15.0"; key the map by the plain number ("15") as config writes it. */
function keyedByNumber(json: string | null): Record<string, number> {
  if (json === null) return {};
  const parsed = z.record(z.string(), z.number()).parse(JSON.parse(json));
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [String(Number(key)), value]));
}
