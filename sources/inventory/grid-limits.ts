import { MonitorError } from '../errors.ts';
import { DEFAULT_MAX_DATA_ROWS, MAX_CELL_CHARS, MAX_COLUMNS } from './limits.ts';
import { columnLetters, shownText } from './shown-text.ts';
import type { RawRow } from './table.ts';

const count = (value: number) => value.toLocaleString('nl-NL');

/** Refuses a grid beyond the row, column or cell limits, naming where. Runs before any row is validated. */
export function checkGridLimits(file: string, rows: readonly RawRow[], maxDataRows: number = DEFAULT_MAX_DATA_ROWS): void {
  const limits = gridLimits(file, maxDataRows);
  for (const row of rows) limits.see(row);
  limits.check();
}

export interface GridLimits {
  /** Takes the next non-empty row; keeps nothing of it but a count and the first row beyond a limit. */
  see(row: RawRow): void;
  /** Throws what checkGridLimits throws for the rows seen: the row count first, then the first row beyond a limit. */
  check(): void;
}

/** checkGridLimits for rows that pass one at a time (a file read twice, never held whole). */
export function gridLimits(file: string, maxDataRows: number = DEFAULT_MAX_DATA_ROWS): GridLimits {
  let rowCount = 0;
  let header: readonly string[] = [];
  let firstProblem: MonitorError | undefined;
  return {
    see(row) {
      if (rowCount === 0 && row.row === 1) header = row.cells;
      rowCount += 1;
      firstProblem ??= rowProblem(file, row, header);
    },
    check() {
      const dataRows = rowCount - (header.length > 0 ? 1 : 0);
      if (dataRows > maxDataRows) {
        throw new MonitorError(
          `het bestand heeft ${count(dataRows)} rijen onder de kopregel; de grens is ${count(maxDataRows)} (is dit de goede lijst?)`,
          { location: { file } },
        );
      }
      if (firstProblem !== undefined) throw firstProblem;
    },
  };
}

function rowProblem(file: string, { row, cells }: RawRow, header: readonly string[]): MonitorError | undefined {
  if (cells.length > MAX_COLUMNS) {
    return new MonitorError(`rij heeft ${count(cells.length)} kolommen; de grens is ${count(MAX_COLUMNS)}`, { location: { file, row } });
  }
  const index = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
  if (index === -1) return undefined;
  const name = header[index]?.trim();
  return new MonitorError(
    `cel is ${count(cells[index]!.length)} tekens lang; de grens is ${count(MAX_CELL_CHARS)} (het maximum van Excel)`,
    { location: { file, row, field: row === 1 || name === undefined || name === '' ? `kolom ${columnLetters(index)}` : shownText(name) } },
  );
}
