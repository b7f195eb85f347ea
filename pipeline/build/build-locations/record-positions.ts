/**
 * Where a MatchRecord of the year lies in the year's store, found without an index of its id:
 * the records are read ordered by source and row number, so a source's records are one run of
 * positions with rising row numbers, and a record is found by a binary search of its row number.
 * A Map of a million ids cost tens of MB and seconds of hashing in the build's read.
 */
import type { MatchRecord } from '../../dedupe/compare.ts';

/** `records[position]` has row number `rowNumbers[position]`; its id is `<source>:<row number>`. */
export function recordPositions(records: readonly MatchRecord[], rowNumbers: readonly number[]): (record: MatchRecord) => number {
  const runs = new Map<string, { from: number; to: number }>();
  for (let position = 0; position < records.length; position += 1) {
    const { source } = records[position]!;
    const run = runs.get(source);
    if (run === undefined) runs.set(source, { from: position, to: position + 1 });
    else if (run.to === position && rowNumbers[position - 1]! < rowNumbers[position]!) run.to = position + 1;
    else throw new Error(`records of ${source} are not ordered by row number at position ${position}`);
  }
  return (record) => {
    const run = runs.get(record.source);
    const rowNumber = Number(record.id.slice(record.source.length + 1));
    if (run !== undefined) {
      let [low, high] = [run.from, run.to];
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (rowNumbers[middle]! < rowNumber) low = middle + 1;
        else high = middle;
      }
      // By id, not identity: the clustering may hand back a copy (an organisation entry recognised).
      if (low < run.to && records[low]!.id === record.id) return low;
    }
    throw new Error(`record ${record.id} is not one of the year's records`);
  };
}
