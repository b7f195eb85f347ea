/**
 * The monitor configuration (`pipeline/config/monitor.config.json`, or the file given with
 * --config): capacity, participation levels, size thresholds, weights, the dagdeel rule, distance
 * bands, input limits and the coverage method per monitor year. Checked strictly, so a typo in a
 * threshold stops the run with a message instead of skewing the figures.
 */
import { z } from 'zod';
import { describeIssues } from '../describe-issues.ts';
import { MonitorError } from '../errors.ts';
import { DagdeelRule, DEFAULT_DAGDEEL_RULE } from '../inventory/opening-hours.ts';

export const FIRST_MONITOR_YEAR = 2019;
export const LAST_MONITOR_YEAR = 2099;

const positive = z.number().positive();
const yearOrLatest = z.union([z.number().int().min(2000).max(LAST_MONITOR_YEAR), z.literal('latest')]);

/** Lenient, as it also reads the method stored with each build; the configuration file itself is checked strictly. */
export const CoverageMethod = z.object({
  description: z.string().min(1),
  /** Population year, or the latest bundled year not after the monitor year. */
  populationYear: yearOrLatest,
  epaYear: yearOrLatest,
  /** published: a province's EPA share as published for the province; population-weighted: from its municipalities. */
  provinceShare: z.enum(['published', 'population-weighted']),
  /** Which province a steunpunt counts in: its municipality's, or its IZA-region's (as De Galan summed regions). */
  provinceOfLocation: z.enum(['gemeente', 'iza-regio']),
});
export type CoverageMethod = z.infer<typeof CoverageMethod>;

/** Strict at every depth: a misspelt key ("weigths") is refused, never silently replaced by a default. */
export const MonitorConfig = z
  .strictObject({
    capacityPerWeek: positive,
    participationPct: z.array(z.number().positive().max(100)).min(1),
    weights: z.strictObject({ klein: positive, middelgroot: positive, groot: positive, onbekend: positive }),
    sizeThresholds: z.strictObject({
      visitorsPerWeek: z.strictObject({ smallBelow: positive, largeAbove: positive }),
      dagdelenPerWeek: z.strictObject({ smallAtMost: positive, largeAtLeast: positive }),
    }),
    methods: z.record(z.string().regex(/^[a-z0-9-]+$/), z.strictObject(CoverageMethod.shape)),
    defaultMethod: z.string(),
    years: z.record(z.string().regex(/^\d{4}$/), z.strictObject({ method: z.string() })),
    /** How opening hours ("ma, wo en vr 10.00–14.00 uur") count as dagdelen (sources/inventory/opening-hours.ts). */
    dagdeelRule: DagdeelRule.default(DEFAULT_DAGDEEL_RULE),
    /** Straight-line distance bands for the reach table, and the distance beyond which a municipality is a white spot. */
    distance: z.strictObject({ thresholdsKm: z.array(positive).min(1), whiteSpotKm: positive }),
    /** Limits on an imported file (sources/inventory/limits.ts): size, XLSX unpacked size, data rows. */
    maxInputBytes: z.number().int().positive(),
    maxUnpackedBytes: z.number().int().positive(),
    maxInputRows: z.number().int().positive(),
  })
  .superRefine((config, context) => {
    const known = Object.keys(config.methods);
    const check = (method: string, path: (string | number)[]) => {
      if (!known.includes(method)) {
        context.addIssue({ code: 'custom', path, message: `onbekende methode '${method}' (bekend: ${known.join(', ')})` });
      }
    };
    check(config.defaultMethod, ['defaultMethod']);
    for (const [year, entry] of Object.entries(config.years)) check(entry.method, ['years', year, 'method']);
    const { visitorsPerWeek, dagdelenPerWeek } = config.sizeThresholds;
    if (visitorsPerWeek.smallBelow > visitorsPerWeek.largeAbove) {
      context.addIssue({ code: 'custom', path: ['sizeThresholds', 'visitorsPerWeek'], message: 'smallBelow is groter dan largeAbove' });
    }
    if (dagdelenPerWeek.smallAtMost >= dagdelenPerWeek.largeAtLeast) {
      context.addIssue({ code: 'custom', path: ['sizeThresholds', 'dagdelenPerWeek'], message: 'smallAtMost is niet kleiner dan largeAtLeast' });
    }
  });
export type MonitorConfig = z.infer<typeof MonitorConfig>;

/** Validates the configuration read from `path` (named in the message). */
export function parseMonitorConfig(raw: unknown, path: string): MonitorConfig {
  const result = MonitorConfig.safeParse(raw);
  if (!result.success) {
    throw new MonitorError(`configuratie ${path} klopt niet: ${describeIssues(result.error.issues, raw, MonitorConfig)}`, { cause: result.error });
  }
  return result.data;
}
