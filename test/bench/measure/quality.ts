/**
 * Pairwise precision, recall and F1 of deduplication against the generator's truth: a pair of
 * imported rows is predicted "same" when location_member puts them in one location, and is
 * truly the same when they carry one truth_id (truth.csv beside the generated files, which the
 * pipeline never reads). Rows that were rejected on import are not in any location and are left
 * out of both sides.
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
  /** Rows of a steunpunt that the import rejected: lost, and in neither side of P/R. */
  trueRowsRejected: number;
  review: ReviewQueue;
}

/**
 * The pairs left for a person (te-beoordelen.csv): not merged, so in P/R/F1 above a true pair
 * there counts as missed. Counted apart, because review is neither a hit nor a miss: a person
 * decides it. `recallExcludingReview` leaves out of the true pairs those whose two locations a
 * review pair links; a large queue buys that recall with work, so its size stands beside it.
 */
export interface ReviewQueue {
  pairs: number;
  /** Review pairs whose two rows are one steunpunt. */
  truePairs: number;
  /** Missed true pairs (rows in two locations) whose two locations a review pair links. */
  missedPairsInReview: number;
  recallExcludingReview: number;
  f1ExcludingReview: number;
}

export interface MemberRow {
  item: string;
  location: string;
  truth: string;
}

const Member = z.object({ source: z.string(), row_number: z.number(), location_id: z.string() });

/** Every imported row's location; `truth` from readTruth (gen/truth.ts). A row the truth does not name fails loudly. */
export async function readMembers(database: MonitorDatabase, year: number, truth: ReadonlyMap<string, string>): Promise<MemberRow[]> {
  const rows = await database.query(
    Member,
    `SELECT source, row_number, location_id FROM location_member WHERE year = $1 ORDER BY source, row_number`,
    [year],
  );
  return rows.map((row) => {
    const item = `${row.source}:${row.row_number}`;
    const truthId = truth.get(item);
    if (truthId === undefined) throw new Error(`truth.csv names no row ${item}: generated files and truth disagree`);
    return { item, location: row.location_id, truth: truthId };
  });
}

const ReviewPair = z.object({ item_a: z.string(), item_b: z.string() });

/** The year's review queue as match_pair holds it (the pairs te-beoordelen.csv lists). */
export async function readReviewPairs(database: MonitorDatabase, year: number): Promise<[string, string][]> {
  const rows = await database.query(ReviewPair, `SELECT item_a, item_b FROM match_pair WHERE year = $1 AND outcome = 'te beoordelen'`, [year]);
  return rows.map((row) => [row.item_a, row.item_b]);
}

export function pairwiseQuality(
  members: readonly MemberRow[],
  reviewPairs: readonly [string, string][] = [],
  truth: ReadonlyMap<string, string> = new Map(),
): Quality {
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
    f1: f1Of(precision, recall),
    junkImported: members.length - evaluated.length,
    trueRowsRejected: [...truth.values()].filter((truthId) => truthId !== JUNK_TRUTH_ID).length - evaluated.length,
    review: reviewQueue(evaluated, reviewPairs, { precision, truePairs, correctPairs }),
  };
}

function reviewQueue(
  evaluated: readonly MemberRow[],
  reviewPairs: readonly [string, string][],
  found: { precision: number; truePairs: number; correctPairs: number },
): ReviewQueue {
  const memberOf = new Map(evaluated.map((member) => [member.item, member]));
  const linked = new Set<string>();
  let truePairs = 0;
  for (const [a, b] of reviewPairs) {
    const [left, right] = [memberOf.get(a), memberOf.get(b)];
    if (left === undefined || right === undefined) continue;
    if (left.truth === right.truth) truePairs += 1;
    linked.add(unorderedKey(left.location, right.location));
  }
  // Missed pairs per (truth, location pair), counted from the sizes of each truth's parts.
  const parts = countBy(evaluated, (member) => `${member.truth}\u0000${member.location}`);
  const locationsOfTruth = new Map<string, [string, number][]>();
  for (const [key, count] of parts) {
    const [truth, location] = key.split('\u0000') as [string, string];
    const list = locationsOfTruth.get(truth) ?? [];
    list.push([location, count]);
    locationsOfTruth.set(truth, list);
  }
  let missedPairsInReview = 0;
  for (const list of locationsOfTruth.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        if (linked.has(unorderedKey(list[i]![0], list[j]![0]))) missedPairsInReview += list[i]![1] * list[j]![1];
      }
    }
  }
  const decidable = found.truePairs - missedPairsInReview;
  const recallExcludingReview = decidable === 0 ? 1 : found.correctPairs / decidable;
  return {
    pairs: reviewPairs.length,
    truePairs,
    missedPairsInReview,
    recallExcludingReview,
    f1ExcludingReview: f1Of(found.precision, recallExcludingReview),
  };
}

function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function unorderedKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
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
