export type { ReportInput } from '../pipeline/read/read-report-input.ts';

/** A figure of the published monitor. */
export interface Figure {
  /** Path relative to the report folder, e.g. "figuren/grootte.svg". */
  file: string;
  title: string;
  svg: string;
}
