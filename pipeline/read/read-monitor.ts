/**
 * The built monitor of one year as plain typed data: what every writer in outputs/ renders.
 * Writers never query the database themselves, so they stay pure and golden-testable.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import { provinceRank } from '../../sources/reference/provinces.ts';
import { CoverageMethod, MonitorConfig } from '../../sources/settings/monitor-config.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES } from '../db/tables.ts';
import { packedReader } from './packed-rows.ts';

const BUILD_OF_YEAR = sql('read/read-monitor/build-of-year.sql');
const SOURCE_BATCHES = sql('read/read-monitor/source-batches.sql');
const LOCATIONS = sql('read/read-monitor/locations.sql');
const LOCATIONS_ORDERED = sql('read/read-monitor/locations-ordered.sql');
const REJECTS = sql('read/read-monitor/rejects.sql');
const REVIEW_PAIRS = sql('read/read-monitor/review-pairs.sql');
const REVIEW_PAIRS_ORDERED = sql('read/read-monitor/review-pairs-ordered.sql');
const REACH = sql('read/read-monitor/reach.sql');
const CHARACTERISTICS = sql('read/read-monitor/characteristics.sql');
const LOCATION_ANSWERS = sql('read/read-monitor/location-answers.sql');
const WHITE_SPOTS = sql('read/read-monitor/white-spots.sql');
const ACCESSIBILITY = sql('read/read-monitor/accessibility.sql');
const COVERAGE = sql('read/read-monitor/coverage.sql');

const nullableText = z.string().nullable();

/** A location as the writers get it (the columns of `location` they show, in their order). */
export const LocationRow = TABLES.location.pick({
  location_id: true,
  name: true,
  organisation: true,
  address: true,
  postcode: true,
  place: true,
  gm_code: true,
  municipality: true,
  province: true,
  iza_region: true,
  size_class: true,
  size_basis: true,
  weight: true,
  status: true,
  sources: true,
  flags: true,
  note: true,
  lat: true,
  lon: true,
  coordinate_precision: true,
  dagdelen_per_week: true,
  visitors_per_week: true,
  opening_hours: true,
});
export type LocationRow = z.infer<typeof LocationRow>;
const locationReader = packedReader('location', LocationRow, { ordered: LOCATIONS_ORDERED, rows: LOCATIONS });

export const CoverageLevel = z.enum(['nederland', 'provincie', 'iza_regio', 'gemeente']);
export type CoverageLevel = z.infer<typeof CoverageLevel>;

export const CoverageRow = TABLES.coverage.omit({ year: true }).extend({
  level: CoverageLevel,
  /** Exact desired number per participation percentage, e.g. { 15: 12.44, 30: 24.88 }. */
  desired: z.record(z.string(), z.number()),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const SourceBatch = TABLES.import_batch.omit({ year: true, imported_at: true });
export type SourceBatch = z.infer<typeof SourceBatch>;

export const RejectRow = TABLES.reject.omit({ year: true });
export type RejectRow = z.infer<typeof RejectRow>;

export const ReviewRow = TABLES.match_pair.pick({
  pair_id: true,
  stage: true,
  location_a: true,
  name_a: true,
  place_a: true,
  location_b: true,
  name_b: true,
  place_b: true,
  score: true,
  rule: true,
});
export type ReviewRow = z.infer<typeof ReviewRow>;
const reviewReader = packedReader('match_pair', ReviewRow, { ordered: REVIEW_PAIRS_ORDERED, rows: REVIEW_PAIRS });

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

export const ReachRow = TABLES.reach.omit({ year: true }).extend({ level: z.enum(['nederland', 'provincie']) });
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

const BuildOfYear = TABLES.build_run.pick({ method: true, population_year: true, epa_year: true, parameters: true });

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
  const { method, parameters } = await readBuild(database, year);
  const coverage = await readCoverage(database, year);
  const national = coverage.find((row) => row.level === 'nederland');
  if (!national) throw new Error(`build of ${year} has no national coverage row`);
  const atLevel = (level: CoverageLevel) => coverage.filter((row) => row.level === level);

  return {
    year,
    method,
    parameters,
    sources: await database.query(SourceBatch, SOURCE_BATCHES, { year }),
    locations: await locationReader.read(database, { year }),
    national,
    provinces: provincesOf(coverage),
    regions: atLevel('iza_regio'),
    municipalities: atLevel('gemeente'),
    rejects: await database.query(RejectRow, REJECTS, { year }),
    review: await reviewReader.read(database, { year }),
    accessibility: await readAccessibility(database, year),
    reach: (await database.query(ReachRow, REACH, { year })).sort(
      (a, b) => a.level.localeCompare(b.level) || provinceRank(a.area) - provinceRank(b.area) || a.km - b.km,
    ),
    characteristics: await database.query(CharacteristicRow, CHARACTERISTICS, { year }),
    locationAnswers: await database.query(LocationAnswerRow, LOCATION_ANSWERS, { year }),
    whiteSpots: await database.query(WhiteSpotRow, WHITE_SPOTS, { year }),
  };
}

/** What the report compares with an earlier year: its method, parameters and provinces, not its locations. */
export type EarlierYearData = Pick<MonitorData, 'year' | 'method' | 'parameters' | 'provinces'>;

export async function readEarlierYear(database: MonitorDatabase, year: number): Promise<EarlierYearData> {
  const { method, parameters } = await readBuild(database, year);
  return { year, method, parameters, provinces: provincesOf(await readCoverage(database, year)) };
}

async function readBuild(database: MonitorDatabase, year: number): Promise<Pick<MonitorData, 'method' | 'parameters'>> {
  const [build] = await database.query(BuildOfYear, BUILD_OF_YEAR, { year });
  if (!build) throw new MonitorError(`monitor ${year} is nog niet gebouwd; gebruik eerst 'lsp-monitor build --year ${year}'`);
  const parameters = BuildParameters.parse(JSON.parse(build.parameters));
  return { method: { ...parameters.method, name: build.method, populationYear: build.population_year, epaYear: build.epa_year }, parameters };
}

function provincesOf(coverage: readonly CoverageRow[]): CoverageRow[] {
  return coverage.filter((row) => row.level === 'provincie').sort((a, b) => provinceRank(a.area) - provinceRank(b.area));
}

async function readAccessibility(database: MonitorDatabase, year: number): Promise<AccessibilityRow[]> {
  const withinAsJson = AccessibilityRow.omit({ within: true }).extend({ within: z.string().nullable() });
  const rows = await database.query(withinAsJson, ACCESSIBILITY, { year });
  return rows.map((row) => ({ ...row, within: keyedByNumber(row.within) }));
}

async function readCoverage(database: MonitorDatabase, year: number): Promise<CoverageRow[]> {
  const desiredAsJson = CoverageRow.omit({ desired: true }).extend({ desired: z.string().nullable() });
  const rows = await database.query(desiredAsJson, COVERAGE, { year });
  return rows.map((row) => ({ ...row, desired: keyedByNumber(row.desired) }));
}

/** DuckDB writes 15.0 as "15.0"; key the map by the plain number ("15") as config writes it. */
function keyedByNumber(json: string | null): Record<string, number> {
  if (json === null) return {};
  const parsed = z.record(z.string(), z.number()).parse(JSON.parse(json));
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [String(Number(key)), value]));
}
