export type { ReportInput } from '../pipeline/read/read-report-input.ts';

/** A figure of the published monitor. */
export interface Figure {
  /** Path relative to the report folder, e.g. "figuren/grootte.svg". */
  file: string;
  title: string;
  svg: string;
}

/** The size-mix chart, drawn only when a size is known (the report names it). */
export const SIZE_MIX_FILE = 'figuren/grootte.svg';
