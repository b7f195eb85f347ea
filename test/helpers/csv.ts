import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Reads a CSV file with a header row into objects of strings. */
export function readCsv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}
