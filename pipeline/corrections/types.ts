/** What reading an edited overview workbook gives: corrections to apply, and errors per sheet, row and column. */
import type { ReviewDecision } from '../workbook/layout.ts';
import type { InventoryField, InventoryRecord } from '../../sources/schema.ts';

export type CorrectionValue = string | number | null;

interface CorrectionBase {
  /** Where the correction was made: sheet name and spreadsheet row (header = 1). */
  sheet: string;
  row: number;
  /** True when the same row also has an error: the lead refuses such a file unless --partial. */
  rowHasErrors: boolean;
}

/** A changed value of an existing location (old → new), already validated and normalised. */
export interface LocationChange extends CorrectionBase {
  kind: 'change';
  locationId: string;
  /** The location's name as the monitor has it (before any change), for messages. */
  locationName: string;
  field: InventoryField;
  /** The Locaties column header, as people saw it. */
  column: string;
  from: CorrectionValue;
  to: CorrectionValue;
}

/** A row without location_id: a new location, validated with the shared inventory schema. */
export interface NewLocation extends CorrectionBase {
  kind: 'new-location';
  record: InventoryRecord;
}

/** A decision on a doubtful duplicate pair. */
export interface ReviewDecisionChange extends CorrectionBase {
  kind: 'review-decision';
  pairId: string;
  locationA: string | null;
  locationB: string | null;
  decision: ReviewDecision;
}

export type Correction = LocationChange | NewLocation | ReviewDecisionChange;

export interface CorrectionError {
  sheet: string;
  /** Spreadsheet row; null when the error concerns no row that is there (a deleted row, a missing sheet). */
  row: number | null;
  column: string | null;
  /** The reason alone, in Dutch. */
  reason: string;
  /** The whole line for people: "Locaties, rij 12, kolom 'grootte': …". */
  message: string;
}

export interface CorrectionsResult {
  changes: Correction[];
  errors: CorrectionError[];
}

/** What a whole workbook gives: its corrections, and the Locaties columns someone added, which are not read (never stored, named to the user). */
export interface WorkbookCorrections extends CorrectionsResult {
  ignoredColumns: string[];
}

export function correctionError(sheet: string, row: number | null, column: string | null, reason: string): CorrectionError {
  const where = [sheet, row === null ? undefined : `rij ${row}`, column === null ? undefined : `kolom '${column}'`]
    .filter((part) => part !== undefined)
    .join(', ');
  return { sheet, row, column, reason, message: `${where}: ${reason}` };
}
