/** What one benchmark size produces: written by the measuring child, read back by the runner. */
import { z } from 'zod';

const PhaseTime = z.object({ phase: z.string(), seconds: z.number(), rssMb: z.number() });
const Hotspot = z.object({ what: z.string(), seconds: z.number(), kind: z.enum(['sql', 'js']) });
const ErrorClass = z.object({ cause: z.string(), pairs: z.number(), examples: z.array(z.string()) });

export const ImportFileResult = z.object({
  source: z.string(),
  file: z.string(),
  bytes: z.number(),
  rowsRead: z.number(),
  imported: z.number(),
  rejected: z.number(),
  seconds: z.number(),
  /** Time in the municipality resolver (the normalise step), part of `seconds`. */
  resolveSeconds: z.number(),
  /** Database transaction (deletes and appends), part of `seconds`. */
  writeSeconds: z.number(),
});
export type ImportFileResult = z.infer<typeof ImportFileResult>;

export const Quality = z.object({
  rowsEvaluated: z.number(),
  locations: z.number(),
  trueLocations: z.number(),
  predictedPairs: z.number(),
  truePairs: z.number(),
  correctPairs: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  junkImported: z.number(),
  trueRowsRejected: z.number(),
  review: z.object({
    pairs: z.number(),
    truePairs: z.number(),
    missedPairsInReview: z.number(),
    recallExcludingReview: z.number(),
    f1ExcludingReview: z.number(),
  }),
});

export const Diagnosis = z.object({
  missed: z.array(ErrorClass),
  falseMerges: z.array(ErrorClass),
  blocks: z.object({ total: z.number(), oversized: z.number(), recordsInOversized: z.number(), largest: z.number() }),
});

/** Seconds per stage; undefined while a stage has not run. */
export const StageSeconds = z.object({
  setup: z.number().optional(),
  import: z.number().optional(),
  build: z.number().optional(),
  read: z.number().optional(),
  report: z.number().optional(),
  xlsx: z.number().optional(),
});
export type StageName = keyof z.infer<typeof StageSeconds>;

export const SizeResult = z.object({
  records: z.number(),
  status: z.enum(['running', 'ok', 'failed', 'timeout']),
  lastStage: z.string(),
  error: z.string().optional(),
  stages: StageSeconds,
  imports: z.array(ImportFileResult),
  buildPhases: z.array(PhaseTime),
  hotspots: z.array(Hotspot),
  /** Peak RSS so far (process.resourceUsage().maxRSS) at the end of each stage, MB. */
  peakRssMbAfter: z.record(z.string(), z.number()),
  /** The pipeline's peak RSS up to and including the report, without the Excel overview, MB. */
  peakRssMb: z.number(),
  /** Extra counts from the trace: block entries and candidate pairs of the within-year matching. */
  matching: z.object({ candidatePairs: z.number(), matchPairsWritten: z.number() }).optional(),
  /**
   * writeReport wrote overzicht.xlsx after all: the hooks that leave it out (without-overview-hooks.mjs)
   * missed its writer, so report includes the overview and the xlsx stage repeats it.
   */
  overviewInReport: z.boolean().optional(),
  /** Peak RSS after the overview was made as well (peakRssMb is the pipeline's without it), MB. */
  peakRssMbWithOverview: z.number().optional(),
  quality: Quality.optional(),
  diagnosis: Diagnosis.optional(),
  notes: z.array(z.string()),
});
export type SizeResult = z.infer<typeof SizeResult>;
