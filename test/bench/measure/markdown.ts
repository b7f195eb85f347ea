/** The benchmark as Markdown: the results table, the goals, and a profile per size. */
import type { SizeResult } from './result.ts';
import type { GoalCheck, SizeSummary } from './summary.ts';

export interface RunMeta {
  startedAt: string;
  node: string;
  cpus: number;
  memoryGb: number;
  seed: string;
  year: number;
}

export function renderMarkdown(meta: RunMeta, results: readonly SizeResult[], summaries: readonly SizeSummary[], goals: readonly GoalCheck[]): string {
  const lines = [
    `# lsp-monitor benchmark ${meta.startedAt}`,
    '',
    `Node ${meta.node}, ${meta.cpus} CPUs, ${meta.memoryGb.toFixed(0)} GB; seed \`${meta.seed}\`, monitor year ${meta.year} (default method).`,
    '',
    resultsTable(summaries),
    '',
    'Seconds per stage. import includes resolve (the municipality resolver, i.e. normalise); dedupe = blocking',
    '(the block index) + scoring (candidate pairs enumerated and judged) + clustering + other (reading records,',
    'identities across years, building and writing location/member/pair rows); coverage = buildCoverage +',
    'buildAccessibility; report = readReportInput + writeReport (CSV, figures, monitor.md, monitor.html, the site,',
    'the PDF where Chromium is) without the Excel overview, which the benchmark leaves out of the report',
    '(measure/without-overview-hooks.mjs); xlsx = the overview timed on its own afterwards (its figures as PNG,',
    'extras, the workbook); in brackets when the report held it after all. total = setup (reference data, empty',
    'database) + import + build + report: the pipeline end to end without the overview; + xlsx = with it (made',
    'after the report; the command line makes it during the report, beside the figures). Peak RSS: the child\'s',
    'maxRSS up to the report, without the overview, and after the overview as well. P/R/F1: pairwise',
    'against the truth ids (truth.csv), strict: a true pair sent to review counts as missed. review (true): the',
    'review queue (te-beoordelen) in pairs, and how many are one steunpunt. R/F1 excl. review: the true pairs a',
    'review pair links left out, as a pair for a person is neither hit nor miss.',
    '',
    '## Goals',
    '',
    '| goal | measured | met |',
    '|---|---|---|',
    ...goals.map((check) => `| ${check.goal} | ${check.measured} | ${check.met === undefined ? '–' : check.met ? 'yes' : '**no**'} |`),
    '',
    ...results.flatMap((result) => profile(result)),
  ];
  return `${lines.join('\n')}\n`;
}

function resultsTable(summaries: readonly SizeSummary[]): string {
  const header =
    '| records | gen | import (resolve) | dedupe | · blocking | · scoring | · clustering | · other | coverage | report | xlsx | total | + xlsx | peak RSS MB | + xlsx | locations (true) | P | R | F1 | review (true) | R excl. review | F1 excl. review |';
  const rows = summaries.map((summary) =>
    [
      summary.records.toLocaleString('en-US') + (summary.status === 'ok' ? '' : ` (${summary.status})`),
      seconds(summary.generateSeconds),
      `${seconds(summary.importSeconds)} (${seconds(summary.resolveSeconds)})`,
      seconds(summary.dedupeSeconds),
      seconds(summary.blockingSeconds),
      seconds(summary.scoringSeconds),
      seconds(summary.clusteringSeconds),
      seconds(summary.dedupeOtherSeconds),
      seconds(summary.coverageSeconds),
      seconds(summary.reportSeconds),
      summary.xlsxInReport && summary.xlsxSeconds !== undefined ? `(${seconds(summary.xlsxSeconds)})` : seconds(summary.xlsxSeconds),
      seconds(summary.totalSeconds),
      seconds(summary.totalWithOverviewSeconds),
      summary.peakRssMb === undefined ? '–' : summary.peakRssMb.toFixed(0),
      summary.peakRssMbWithOverview === undefined ? '–' : summary.peakRssMbWithOverview.toFixed(0),
      summary.locations === undefined ? '–' : `${summary.locations} (${summary.trueLocations ?? '–'})`,
      ratio(summary.precision),
      ratio(summary.recall),
      ratio(summary.f1),
      summary.reviewPairs === undefined ? '–' : `${summary.reviewPairs} (${summary.reviewTruePairs ?? '–'})`,
      ratio(summary.recallExcludingReview),
      ratio(summary.f1ExcludingReview),
    ].join(' | '),
  );
  return [header, `|${'---|'.repeat(22)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
}

function profile(result: SizeResult): string[] {
  const lines = [`## ${result.records.toLocaleString('en-US')} records: profile`, ''];
  if (result.error !== undefined) lines.push(`**${result.status} in stage ${result.lastStage}:** \`${result.error.split('\n')[0] ?? ''}\``, '');
  lines.push('| source file | bytes | rows | imported | rejected | seconds | resolve | db write |', '|---|---|---|---|---|---|---|---|');
  for (const file of result.imports) {
    lines.push(
      `| ${file.file} | ${file.bytes} | ${file.rowsRead} | ${file.imported} | ${file.rejected} | ${seconds(file.seconds)} | ${seconds(file.resolveSeconds)} | ${seconds(file.writeSeconds)} |`,
    );
  }
  if (result.buildPhases.length > 0) {
    lines.push('', '| build phase | seconds | RSS MB |', '|---|---|---|');
    for (const phase of result.buildPhases) lines.push(`| ${phase.phase} | ${seconds(phase.seconds)} | ${phase.rssMb.toFixed(0)} |`);
  }
  if (result.matching !== undefined) {
    const { candidatePairs, matchPairsWritten } = result.matching;
    lines.push('', `Matching: ${candidatePairs} candidate pairs scored (after hard conflicts), ${matchPairsWritten} match_pair rows.`);
  }
  if (result.hotspots.length > 0) {
    lines.push('', 'Slowest steps of build (sql = one database call; js = pipeline JavaScript before that call):', '');
    for (const spot of result.hotspots.slice(0, 8)) lines.push(`- ${seconds(spot.seconds)} s ${spot.kind}: \`${spot.what}\``);
  }
  if (result.quality !== undefined && result.diagnosis !== undefined) {
    const { quality, diagnosis } = result;
    lines.push(
      '',
      `Quality: ${quality.correctPairs} of ${quality.truePairs} true pairs found, ${quality.predictedPairs - quality.correctPairs} false; ` +
        `${quality.trueRowsRejected} rows of a steunpunt rejected on import, ${quality.junkImported} junk rows imported; ` +
        `review queue ${quality.review.pairs} pairs (${quality.review.truePairs} truly one steunpunt), linking ${quality.review.missedPairsInReview} of the missed true pairs; ` +
        `blocks: ${diagnosis.blocks.total}, of which ${diagnosis.blocks.oversized} oversized (sorted neighbours only) (largest ${diagnosis.blocks.largest} rows).`,
    );
    for (const [title, classes] of [['Missed pairs', diagnosis.missed], ['False merges', diagnosis.falseMerges]] as const) {
      if (classes.length === 0) continue;
      lines.push('', `${title}:`, '');
      for (const entry of classes.slice(0, 8)) {
        lines.push(`- ${entry.pairs} × ${entry.cause}`);
        for (const example of entry.examples.slice(0, 2)) lines.push(`  - ${example}`);
      }
    }
  }
  if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `Note: ${note}`));
  lines.push('');
  return lines;
}

function seconds(value: number | undefined): string {
  if (value === undefined) return '–';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function ratio(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(4);
}
