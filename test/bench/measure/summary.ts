/** Derived figures of one size: the columns of the results table and the goal checks. */
import type { SizeResult } from './result.ts';

export interface SizeSummary {
  records: number;
  status: SizeResult['status'];
  generateSeconds: number;
  importSeconds: number | undefined;
  resolveSeconds: number | undefined;
  dedupeSeconds: number | undefined;
  blockingSeconds: number | undefined;
  scoringSeconds: number | undefined;
  clusteringSeconds: number | undefined;
  dedupeOtherSeconds: number | undefined;
  coverageSeconds: number | undefined;
  reportSeconds: number | undefined;
  xlsxSeconds: number | undefined;
  xlsxInReport: boolean;
  /** setup + import + build + read + report: the pipeline end to end without the Excel overview (undefined when the report held it after all). */
  totalSeconds: number | undefined;
  /** The same with the Excel overview: + xlsx, made after the report (the command line makes it during). */
  totalWithOverviewSeconds: number | undefined;
  /** The pipeline's peak without the overview (undefined when the report held it after all), and with it. */
  peakRssMb: number | undefined;
  peakRssMbWithOverview: number | undefined;
  locations: number | undefined;
  trueLocations: number | undefined;
  precision: number | undefined;
  recall: number | undefined;
  f1: number | undefined;
  /** Pairs in the review queue, and how many of them are one steunpunt. */
  reviewPairs: number | undefined;
  reviewTruePairs: number | undefined;
  /** Recall and F1 with the true pairs a review pair links left out (review is neither hit nor miss). */
  recallExcludingReview: number | undefined;
  f1ExcludingReview: number | undefined;
}

export function summarise(result: SizeResult, generateSeconds: number): SizeSummary {
  const phase = (name: string) => result.buildPhases.filter((entry) => entry.phase === name).reduce((sum, entry) => sum + entry.seconds, 0);
  const built = result.stages.build !== undefined && result.buildPhases.length > 0;
  const dedupe = result.buildPhases.filter((entry) => entry.phase.startsWith('dedupe.')).reduce((sum, entry) => sum + entry.seconds, 0);
  const [blocking, scoring, clustering] = ['dedupe.candidates', 'dedupe.scoring', 'dedupe.clustering'].map(phase);
  const { stages } = result;
  const complete = result.status === 'ok';
  const inReport = result.overviewInReport === true;
  const pipeline = [stages.setup, stages.import, stages.build, stages.read, stages.report].reduce<number>((sum, value) => sum + (value ?? 0), 0);
  return {
    records: result.records,
    status: result.status,
    generateSeconds,
    importSeconds: stages.import,
    resolveSeconds: result.imports.length === 0 ? undefined : result.imports.reduce((sum, file) => sum + file.resolveSeconds, 0),
    dedupeSeconds: built ? dedupe : undefined,
    blockingSeconds: built ? blocking : undefined,
    scoringSeconds: built ? scoring : undefined,
    clusteringSeconds: built ? clustering : undefined,
    dedupeOtherSeconds: built ? dedupe - (blocking ?? 0) - (scoring ?? 0) - (clustering ?? 0) : undefined,
    coverageSeconds: built ? phase('coverage') + phase('accessibility') : undefined,
    reportSeconds: stages.report === undefined ? undefined : stages.report + (stages.read ?? 0),
    xlsxSeconds: stages.xlsx,
    xlsxInReport: inReport,
    totalSeconds: complete && !inReport ? pipeline : undefined,
    totalWithOverviewSeconds: complete ? pipeline + (inReport ? 0 : (stages.xlsx ?? 0)) : undefined,
    peakRssMb: inReport ? undefined : result.peakRssMb,
    peakRssMbWithOverview: result.peakRssMbWithOverview ?? (inReport ? result.peakRssMb : undefined),
    locations: result.quality?.locations,
    trueLocations: result.quality?.trueLocations,
    precision: result.quality?.precision,
    recall: result.quality?.recall,
    f1: result.quality?.f1,
    reviewPairs: result.quality?.review.pairs,
    reviewTruePairs: result.quality?.review.truePairs,
    recallExcludingReview: result.quality?.review.recallExcludingReview,
    f1ExcludingReview: result.quality?.review.f1ExcludingReview,
  };
}

/** Issue 15's acceptance: quality at every size from 10k, speed and memory at 100k and 1M. */
export const GOALS = {
  maxSecondsAt100k: 30,
  maxSecondsAt1M: 120,
  maxPeakRssMb: 2048,
  maxScaling100kTo1M: 10,
  minF1: 0.995,
  minPrecision: 0.999,
  minQualityRecords: 10_000,
} as const;

export interface GoalCheck {
  goal: string;
  met: boolean | undefined;
  measured: string;
}

export function checkGoals(summaries: readonly SizeSummary[]): GoalCheck[] {
  const at = (records: number) => summaries.find((summary) => summary.records === records);
  const checks: GoalCheck[] = [];
  for (const [records, maxSeconds] of [[100_000, GOALS.maxSecondsAt100k], [1_000_000, GOALS.maxSecondsAt1M]] as const) {
    const size = at(records);
    if (size === undefined) continue;
    const label = records === 100_000 ? '100k' : '1M';
    const withOverview = (value: number | undefined, unit: string) => (value === undefined ? '' : `; with the Excel overview ${value.toFixed(unit === 's' ? 1 : 0)} ${unit}`);
    checks.push({
      goal: `${label} records end to end < ${maxSeconds} s (without the Excel overview)`,
      met: size.totalSeconds === undefined ? false : size.totalSeconds < maxSeconds,
      measured:
        (size.totalSeconds === undefined ? (size.status === 'ok' ? 'not measured: the report held the overview' : `did not finish (${size.status})`) : `${size.totalSeconds.toFixed(1)} s`) +
        withOverview(size.totalWithOverviewSeconds, 's'),
    });
    checks.push({
      goal: `${label} records peak RSS < ${GOALS.maxPeakRssMb} MB (without the Excel overview)`,
      met: size.peakRssMb === undefined ? false : size.peakRssMb < GOALS.maxPeakRssMb,
      measured: (size.peakRssMb === undefined ? 'not measured: the report held the overview' : `${size.peakRssMb.toFixed(0)} MB`) + withOverview(size.peakRssMbWithOverview, 'MB'),
    });
  }
  const [medium, large] = [at(100_000), at(1_000_000)];
  if (medium?.totalSeconds !== undefined && large !== undefined) {
    const ratio = large.totalSeconds === undefined ? undefined : large.totalSeconds / medium.totalSeconds;
    checks.push({
      goal: `100k → 1M at most ~${GOALS.maxScaling100kTo1M}× the time`,
      met: ratio === undefined ? false : ratio <= GOALS.maxScaling100kTo1M,
      measured: ratio === undefined ? 'n/a' : `${ratio.toFixed(1)}×`,
    });
  }
  for (const summary of summaries.filter((entry) => entry.records >= GOALS.minQualityRecords)) {
    checks.push({
      goal: `precision ≥ ${GOALS.minPrecision} at ${summary.records} records`,
      met: summary.precision === undefined ? undefined : summary.precision >= GOALS.minPrecision,
      measured: summary.precision === undefined ? 'n/a' : summary.precision.toFixed(4),
    });
    checks.push({
      // Strict: a true pair sent to review counts as missed, so a matcher that sends every pair to
      // review cannot meet it; the F1 with review pairs as neither hit nor miss is shown beside it.
      goal: `F1 ≥ ${GOALS.minF1} at ${summary.records} records (strict: a true pair sent to review is missed)`,
      met: summary.f1 === undefined ? undefined : summary.f1 >= GOALS.minF1,
      measured:
        summary.f1ExcludingReview === undefined || summary.f1 === undefined
          ? 'n/a'
          : `${summary.f1.toFixed(4)} (review pairs neither hit nor miss: ${summary.f1ExcludingReview.toFixed(4)}; review queue ${summary.reviewPairs ?? 0} pairs)`,
    });
  }
  return checks;
}
