import { extname } from 'node:path';
import { MonitorError } from '../errors.ts';
import type { TableFormat } from './table.ts';

const FORMAT_BY_EXTENSION: ReadonlyMap<string, TableFormat> = new Map([
  ['.csv', 'csv'],
  ['.txt', 'csv'],
  ['.xlsx', 'xlsx'],
]);

/** The table format of a file, judged by its extension (any case). */
export function formatForFile(file: string): TableFormat {
  const extension = extname(file).toLowerCase();
  const format = FORMAT_BY_EXTENSION.get(extension);
  if (format !== undefined) return format;
  const what = extension === '' ? 'onbekend bestandsformaat (geen extensie)' : `onbekend bestandsformaat '${extension}'`;
  throw new MonitorError(`${what}; gebruik CSV of XLSX`, { location: { file } });
}
