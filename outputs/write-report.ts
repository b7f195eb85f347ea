/** Writes every output of a monitor year into one folder, each file atomically. */
import { join } from 'node:path';
import type { ExportFile } from './csv/exports.ts';
import { csvExports } from './csv/exports.ts';
import { diffExports } from './csv/diff-exports.ts';
import { reportFigures } from './figures/report-figures.ts';
import { monitorHtml } from './html/monitor-html.ts';
import { monitorMarkdown } from './markdown/monitor-md.ts';
import type { ReportInput } from './report-input.ts';
import { overviewExtras } from './xlsx/extras-from-report.ts';
import { overviewBytes } from './xlsx/overview.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** The published files of a year (committed under reports/), and the Excel overview (not committed). */
export async function reportFiles(input: ReportInput): Promise<(ExportFile | { name: string; content: Uint8Array })[]> {
  const figures = await reportFigures(input);
  const markdown = monitorMarkdown(input, figures);
  return [
    { name: OVERVIEW_FILE, content: await overviewBytes(input.data, overviewExtras(input, figures)) },
    ...csvExports(input.data),
    ...(input.previous ? diffExports(input.previous.diff) : []),
    ...figures.map((figure) => ({ name: figure.file, content: figure.svg })),
    { name: 'monitor.md', content: markdown },
    { name: 'monitor.html', content: monitorHtml(markdown, figures, `Stand van het land ${input.data.year}: laagdrempelige steunpunten`) },
  ];
}

export const OVERVIEW_FILE = 'overzicht.xlsx';

export async function writeReport(input: ReportInput, directory: string): Promise<string[]> {
  const files = await reportFiles(input);
  for (const file of files) await writeFileAtomic(join(directory, file.name), file.content);
  return files.map((file) => file.name);
}
