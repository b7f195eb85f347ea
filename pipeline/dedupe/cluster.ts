/**
 * Groups records into locations. Pairs judged the same are merged strongest first, but two
 * groups only join when no pair across them is judged different, comes from the same source,
 * or was decided 'verschillend' by a person: so A~B and B~C never chain A and C together when
 * A and C are distinct.
 */
import { judgePair, type MatchRecord, type PairDecision } from './compare.ts';

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

export function clusterRecords(
  records: readonly MatchRecord[],
  pairs: readonly ScoredPair[],
  verdictOf: (a: MatchRecord, b: MatchRecord) => Verdict | undefined,
): Clustering {
  const groupOf = new Map<string, MatchRecord[]>(records.map((record) => [record.id, [record]]));
  const canJoin = (left: MatchRecord[], right: MatchRecord[]) =>
    left.every((x) =>
      right.every((y) => {
        const verdict = verdictOf(x, y);
        if (verdict !== undefined) return verdict === 'zelfde';
        return x.source !== y.source && judgePair(x, y).outcome !== 'verschillend';
      }),
    );

  const decided = pairs.map((pair) => {
    const verdict = verdictOf(pair.a, pair.b);
    if (verdict === undefined) return pair;
    const rule = verdict === 'zelfde' ? 'beoordeeld: zelfde' : 'beoordeeld: verschillend';
    return { ...pair, decision: { ...pair.decision, outcome: verdict, rule } };
  });
  const merges: ScoredPair[] = [];
  for (const pair of decided.filter((candidate) => candidate.decision.outcome === 'zelfde').sort(strongestFirst)) {
    const left = groupOf.get(pair.a.id)!;
    const right = groupOf.get(pair.b.id)!;
    if (left === right || !canJoin(left, right)) continue;
    const joined = [...left, ...right];
    for (const record of joined) groupOf.set(record.id, joined);
    merges.push(pair);
  }

  // One source lists a location once: two of its own records are never a doubtful pair.
  const review = decided
    .filter((pair) => pair.decision.outcome === 'te beoordelen' && pair.a.source !== pair.b.source)
    .filter((pair) => groupOf.get(pair.a.id) !== groupOf.get(pair.b.id))
    .sort(strongestFirst);
  const groups = [...new Set(groupOf.values())]
    .map((group) => [...group].sort((x, y) => compareIds(x.id, y.id)))
    .sort((x, y) => compareIds(x[0]!.id, y[0]!.id));
  return { groups, merges, review };
}

function strongestFirst(x: ScoredPair, y: ScoredPair): number {
  return y.decision.score - x.decision.score || compareIds(x.a.id, y.a.id) || compareIds(x.b.id, y.b.id);
}

export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
