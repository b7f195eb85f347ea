export type { ReportInput } from '../pipeline/read/read-report-input.ts';

/** The report's title: monitor.md's heading, the title of monitor.html and monitor.pdf. */
export function reportTitle(year: number): string {
  return `Stand van het land ${year}: laagdrempelige steunpunten`;
}

/** monitor.md and monitor.html, made from the year's data and its figures. */
export interface ReportText {
  markdown: string;
  html: string;
}

/** A figure of the published monitor. */
export interface Figure {
  /** Path relative to the report folder, e.g. "figuren/grootte.svg". */
  file: string;
  title: string;
  svg: string;
}

/** The size-mix chart, drawn only when a size is known (the report names it). */
export const SIZE_MIX_FILE = 'figuren/grootte.svg';
