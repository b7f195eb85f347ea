/**
 * Pairwise precision, recall and F1 of deduplication against the generator's truth: a pair of
 * imported rows is predicted "same" when location_member puts them in one location, and is
 * truly the same when they carry one truth_id (an extra column the matcher never reads). Rows
 * that were rejected on import are not in any location and are left out of both sides.
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { JUNK_TRUTH_ID } from '../gen/sources.ts';

export interface Quality {
  rowsEvaluated: number;
  locations: number;
  trueLocations: number;
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** Junk rows (no steunpunt) that were imported instead of rejected. */
  junkImported: number;
}

export interface MemberRow {
  item: string;
  location: string;
  truth: string;
}

const Member = z.object({ source: z.string(), row_number: z.number(), location_id: z.string(), truth: z.string().nullable() });

export async function readMembers(database: MonitorDatabase, year: number): Promise<MemberRow[]> {
  const rows = await database.query(
    Member,
    `SELECT m.source, m.row_number, m.location_id, json_extract_string(r.extra, '$.truth_id') AS truth
       FROM location_member m JOIN inventory_record r USING (year, source, row_number)
      WHERE m.year = $1 ORDER BY m.source, m.row_number`,
    [year],
  );
  return rows.map((row) => ({ item: `${row.source}:${row.row_number}`, location: row.location_id, truth: row.truth ?? JUNK_TRUTH_ID }));
}

export function pairwiseQuality(members: readonly MemberRow[]): Quality {
  const evaluated = members.filter((member) => member.truth !== JUNK_TRUTH_ID);
  const byLocation = countBy(evaluated, (member) => member.location);
  const byTruth = countBy(evaluated, (member) => member.truth);
  const byBoth = countBy(evaluated, (member) => `${member.location}\u0000${member.truth}`);
  const pairs = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + (count * (count - 1)) / 2, 0);
  const predictedPairs = pairs(byLocation);
  const truePairs = pairs(byTruth);
  const correctPairs = pairs(byBoth);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  return {
    rowsEvaluated: evaluated.length,
    locations: new Set(members.map((member) => member.location)).size,
    trueLocations: byTruth.size,
    predictedPairs,
    truePairs,
    correctPairs,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    junkImported: members.length - evaluated.length,
  };
}

/** Pairs of the same steunpunt left in different locations, and pairs of different ones merged. */
export function pairErrors(members: readonly MemberRow[]): { missed: [MemberRow, MemberRow][]; falseMerges: [MemberRow, MemberRow][] } {
  const evaluated = members.filter((member) => member.truth !== JUNK_TRUTH_ID);
  const allPairs = (groups: Map<string, MemberRow[]>, wrong: (a: MemberRow, b: MemberRow) => boolean) =>
    [...groups.values()].flatMap((group) =>
      group.flatMap((a, index) => group.slice(index + 1).filter((b) => wrong(a, b)).map((b): [MemberRow, MemberRow] => [a, b])),
    );
  return {
    missed: allPairs(groupBy(evaluated, (member) => member.truth), (a, b) => a.location !== b.location),
    falseMerges: allPairs(groupBy(evaluated, (member) => member.location), (a, b) => a.truth !== b.truth),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
