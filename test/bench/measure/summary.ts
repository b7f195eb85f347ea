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
  /** setup + import + build + read + report (+ xlsx when report does not already write it): end to end. */
  totalSeconds: number | undefined;
  peakRssMb: number;
  locations: number | undefined;
  trueLocations: number | undefined;
  precision: number | undefined;
  recall: number | undefined;
  f1: number | undefined;
}

export function summarise(result: SizeResult, generateSeconds: number): SizeSummary {
  const phase = (name: string) => result.buildPhases.filter((entry) => entry.phase === name).reduce((sum, entry) => sum + entry.seconds, 0);
  const built = result.stages.build !== undefined && result.buildPhases.length > 0;
  const dedupe = result.buildPhases.filter((entry) => entry.phase.startsWith('dedupe.')).reduce((sum, entry) => sum + entry.seconds, 0);
  const [blocking, scoring, clustering] = ['dedupe.candidates', 'dedupe.scoring', 'dedupe.clustering'].map(phase);
  const { stages } = result;
  const complete = result.status === 'ok';
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
    xlsxInReport: result.overviewInReport === true,
    totalSeconds: complete
      ? [stages.setup, stages.import, stages.build, stages.read, stages.report, result.overviewInReport ? 0 : stages.xlsx]
          .reduce<number>((sum, value) => sum + (value ?? 0), 0)
      : undefined,
    peakRssMb: result.peakRssMb,
    locations: result.quality?.locations,
    trueLocations: result.quality?.trueLocations,
    precision: result.quality?.precision,
    recall: result.quality?.recall,
    f1: result.quality?.f1,
  };
}

export const GOALS = { maxSecondsAt100k: 60, maxPeakRssMb: 2048, maxScaling10kTo100k: 15, minF1: 0.98 } as const;

export interface GoalCheck {
  goal: string;
  met: boolean | undefined;
  measured: string;
}

export function checkGoals(summaries: readonly SizeSummary[]): GoalCheck[] {
  const at = (records: number) => summaries.find((summary) => summary.records === records);
  const [small, large] = [at(10_000), at(100_000)];
  const checks: GoalCheck[] = [];
  if (large !== undefined) {
    checks.push({
      goal: `100k records end to end < ${GOALS.maxSecondsAt100k} s`,
      met: large.totalSeconds === undefined ? false : large.totalSeconds < GOALS.maxSecondsAt100k,
      measured: large.totalSeconds === undefined ? `did not finish (${large.status})` : `${large.totalSeconds.toFixed(1)} s`,
    });
    checks.push({
      goal: `100k records peak RSS < ${GOALS.maxPeakRssMb} MB`,
      met: large.peakRssMb < GOALS.maxPeakRssMb,
      measured: `${large.peakRssMb.toFixed(0)} MB`,
    });
  }
  if (small?.totalSeconds !== undefined && large !== undefined) {
    const ratio = large.totalSeconds === undefined ? undefined : large.totalSeconds / small.totalSeconds;
    checks.push({
      goal: `10k → 100k at most ~${GOALS.maxScaling10kTo100k}× the time`,
      met: ratio === undefined ? false : ratio <= GOALS.maxScaling10kTo100k,
      measured: ratio === undefined ? 'n/a' : `${ratio.toFixed(1)}×`,
    });
  }
  for (const summary of summaries) {
    checks.push({
      goal: `F1 ≥ ${GOALS.minF1} at ${summary.records} records`,
      met: summary.f1 === undefined ? undefined : summary.f1 >= GOALS.minF1,
      measured: summary.f1 === undefined ? 'n/a' : summary.f1.toFixed(4),
    });
  }
  return checks;
}
