/** Reading the working group's edits of the overview workbook back. */
export { readCorrections, type ReadCorrectionsOptions } from './read-corrections.ts';
export { correctionsSummaryNl } from './summary.ts';
export type { Correction, CorrectionError, CorrectionsResult, CorrectionValue, LocationChange, NewLocation, ReviewDecisionChange, WorkbookCorrections } from './types.ts';
