/**
 * Groups records into locations. Pairs judged the same are merged strongest first, but two
 * groups only join when no pair across them is judged different, comes from the same source,
 * or was decided 'verschillend' by a person: so A~B and B~C never chain A and C together when
 * A and C are distinct.
 */
import { judgePair, type MatchRecord, type PairDecision } from './compare.ts';
import type { JudgedPairs } from './dedupe-year/judged-pairs.ts';

export type Verdict = 'zelfde' | 'verschillend';

export interface ScoredPair {
  a: MatchRecord;
  b: MatchRecord;
  decision: PairDecision;
}

export interface Clustering {
  /** Groups of records, each one location; sorted by their first record id. */
  groups: MatchRecord[][];
  /** The pairs whose merge made the groups (the evidence of every merge). */
  merges: ScoredPair[];
  /** Doubtful pairs left in different groups and not yet decided by a person. */
  review: ScoredPair[];
}

/**
 * `records` in id order, the pairs by position in it; `verdictOf` a person's verdict on two
 * positions. The pairs' outcomes are overwritten by the verdicts.
 */
export function clusterRecords(
  records: readonly MatchRecord[],
  pairs: JudgedPairs,
  verdictOf: (first: number, second: number) => Verdict | undefined,
): Clustering {
  // Per position its group's number (a position of the group); the members of groups of more
  // than one record, by group number.
  const groupOf = Int32Array.from(records, (_, position) => position);
  const membersOf = new Map<number, number[]>();
  const members = (group: number) => membersOf.get(group) ?? [group];
  const canJoin = (left: readonly number[], right: readonly number[]) =>
    left.every((x) =>
      right.every((y) => {
        const verdict = verdictOf(x, y);
        if (verdict !== undefined) return verdict === 'zelfde';
        return records[x]!.source !== records[y]!.source && judgePair(records[x]!, records[y]!).outcome !== 'verschillend';
      }),
    );

  for (let pair = 0; pair < pairs.length; pair += 1) {
    const verdict = verdictOf(pairs.first[pair]!, pairs.second[pair]!);
    if (verdict !== undefined) pairs.decide(pair, verdict, verdict === 'zelfde' ? 'beoordeeld: zelfde' : 'beoordeeld: verschillend');
  }
  const scored = (pair: number): ScoredPair => ({ a: records[pairs.first[pair]!]!, b: records[pairs.second[pair]!]!, decision: pairs.decision(pair) });
  const merges: ScoredPair[] = [];
  for (const pair of pairs.strongestFirst('zelfde')) {
    const left = groupOf[pairs.first[pair]!]!;
    const right = groupOf[pairs.second[pair]!]!;
    if (left === right) continue;
    const leftMembers = members(left);
    const rightMembers = members(right);
    if (!canJoin(leftMembers, rightMembers)) continue;
    const joined = [...leftMembers, ...rightMembers];
    for (const member of rightMembers) groupOf[member] = left;
    membersOf.set(left, joined);
    membersOf.delete(right);
    merges.push(scored(pair));
  }

  // One source lists a location once: two of its own records are never a doubtful pair.
  const review: ScoredPair[] = [];
  for (const pair of pairs.strongestFirst('te beoordelen')) {
    const first = pairs.first[pair]!;
    const second = pairs.second[pair]!;
    if (records[first]!.source !== records[second]!.source && groupOf[first] !== groupOf[second]) review.push(scored(pair));
  }
  // Positions are in id order: a group's members in position order, and the groups by their
  // first member, where a walk through the positions meets each group first.
  const groups: MatchRecord[][] = [];
  const met = new Uint8Array(records.length);
  for (let position = 0; position < records.length; position += 1) {
    const group = groupOf[position]!;
    if (met[group] === 1) continue;
    met[group] = 1;
    const joined = membersOf.get(group);
    groups.push(joined === undefined ? [records[group]!] : joined.sort((x, y) => x - y).map((member) => records[member]!));
  }
  return { groups, merges, review };
}

export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
