/**
 * monitor.md: the Dutch report of one monitor year, generated from the same data as the CSV
 * exports (every number here is one of theirs, formatted the Dutch way).
 */
import { reportTitle, type Figure, type ReportInput } from '../report-input.ts';
import { accountabilitySection } from './sections/accountability.ts';
import { appendixSection } from './sections/appendix.ts';
import { characteristicsSection } from './sections/characteristics.ts';
import { nationalSection, provinceSection, regionSection } from './sections/coverage.ts';
import { distanceSection } from './sections/distance.ts';
import { methodSection } from './sections/method.ts';
import { qualitySection } from './sections/quality.ts';
import { summarySection } from './sections/summary.ts';
import { whiteSpotsSection } from './sections/white-spots.ts';
import { yearOnYearSection } from './sections/year-on-year.ts';

export function monitorMarkdown(input: ReportInput, figures: readonly Figure[]): string {
  return [
    `# ${reportTitle(input.data.year)}`,
    summarySection(input),
    methodSection(input),
    nationalSection(input, figures),
    provinceSection(input),
    regionSection(input),
    whiteSpotsSection(input),
    distanceSection(input, figures),
    characteristicsSection(input),
    yearOnYearSection(input, figures),
    qualitySection(input),
    appendixSection(input),
    accountabilitySection(input),
  ].join('\n\n').concat('\n');
}
