import { MonitorError } from '../errors.ts';
import { DEFAULT_MAX_DATA_ROWS, MAX_CELL_CHARS, MAX_COLUMNS } from './limits.ts';
import { columnLetters, shownText } from './shown-text.ts';
import type { RawRow } from './table.ts';

const count = (value: number) => value.toLocaleString('nl-NL');

/** Refuses a grid beyond the row, column or cell limits, naming where. Runs before any row is validated. */
export function checkGridLimits(file: string, rows: readonly RawRow[], maxDataRows: number = DEFAULT_MAX_DATA_ROWS): void {
  const header = rows[0]?.row === 1 ? rows[0].cells : [];
  const dataRows = rows.length - (header.length > 0 ? 1 : 0);
  if (dataRows > maxDataRows) {
    throw new MonitorError(
      `het bestand heeft ${count(dataRows)} rijen onder de kopregel; de grens is ${count(maxDataRows)} (is dit de goede lijst?)`,
      { location: { file } },
    );
  }
  for (const { row, cells } of rows) {
    if (cells.length > MAX_COLUMNS) {
      throw new MonitorError(`rij heeft ${count(cells.length)} kolommen; de grens is ${count(MAX_COLUMNS)}`, { location: { file, row } });
    }
    const index = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
    if (index === -1) continue;
    const name = header[index]?.trim();
    throw new MonitorError(
      `cel is ${count(cells[index]!.length)} tekens lang; de grens is ${count(MAX_CELL_CHARS)} (het maximum van Excel)`,
      { location: { file, row, field: row === 1 || name === undefined || name === '' ? `kolom ${columnLetters(index)}` : shownText(name) } },
    );
  }
}
