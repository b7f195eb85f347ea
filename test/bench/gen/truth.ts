/**
 * Which steunpunt each generated row is: written beside the inventories as `truth.csv`
 * (source, row, truth_id), never inside them. The import stores no column it does not know
 * (personal data could be in it), so a truth column in the files would be dropped, and the
 * benchmark would measure nothing; a separate file also keeps the truth out of the matcher's reach.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TRUTH_FILE = 'truth.csv';
/** Row 1 is the header: the import numbers the first data row 2, in CSV and XLSX alike. */
export const FIRST_DATA_ROW = 2;

export interface TruthLine {
  source: string;
  row: number;
  truthId: string;
}

export async function writeTruth(directory: string, lines: readonly TruthLine[]): Promise<void> {
  const text = ['source,row,truth_id', ...lines.map((line) => `${line.source},${line.row},${line.truthId}`)].join('\n');
  await writeFile(join(directory, TRUTH_FILE), `${text}\n`);
}

/** The truth id per imported row, keyed `source:row` as location_member and match_pair name rows. */
export function readTruth(directory: string): Map<string, string> {
  const [header, ...lines] = readFileSync(join(directory, TRUTH_FILE), 'utf8').trimEnd().split('\n');
  if (header !== 'source,row,truth_id') throw new Error(`${TRUTH_FILE} in ${directory}: unexpected header '${header ?? ''}'`);
  return new Map(
    lines.map((line) => {
      const [source, row, truthId] = line.split(',');
      if (source === undefined || row === undefined || truthId === undefined) throw new Error(`${TRUTH_FILE}: bad line '${line}'`);
      return [`${source}:${row}`, truthId] as const;
    }),
  );
}
