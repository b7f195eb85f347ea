/** Comparing spreadsheet figures with the CSV exports, at the precision the CSV shows. */
import { roundHalfAway } from '../../../pipeline/format-nl.ts';

/** A figure formatted with as many decimals as the CSV shows; text (and empty) as it is. */
export function likeCsv(expected: string, actual: string | undefined): string | undefined {
  if (actual === undefined || !/^-?\d+(\.\d+)?$/.test(expected) || actual === '') return actual;
  const decimals = expected.split('.')[1]?.length ?? 0;
  return roundHalfAway(Number(actual), decimals).toFixed(decimals);
}

/**
 * Every row of `expected` (CSV) has a row in `actual` with the same key and, at CSV precision, the
 * same values. `header` gives the sheet's header of a CSV column (the sheets show Dutch headers).
 */
export function rowsAsCsv(
  actual: readonly Record<string, string>[],
  expected: readonly Record<string, string>[],
  key: string,
  header: (csvColumn: string) => string = (csvColumn) => csvColumn,
) {
  const byKey = new Map(actual.map((row) => [row[header(key)], row]));
  return {
    keys: actual.map((row) => row[header(key)]),
    rows: expected.map((row) => {
      const found = byKey.get(row[key]);
      return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, likeCsv(value, found?.[header(column)])]));
    }),
  };
}
