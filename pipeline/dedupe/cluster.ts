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
  for (let pair = 0; pair < pairs.length; pair += 1) {
    const verdict = verdictOf(pairs.first[pair]!, pairs.second[pair]!);
    if (verdict !== undefined) pairs.decide(pair, verdict, verdict === 'zelfde' ? 'beoordeeld: zelfde' : 'beoordeeld: verschillend');
  }
  const groups = new Groups(records.length);
  const scored = (pair: number): ScoredPair => ({ a: records[pairs.first[pair]!]!, b: records[pairs.second[pair]!]!, decision: pairs.decision(pair) });
  const merges: ScoredPair[] = [];
  for (const pair of pairs.strongestFirst('zelfde')) {
    const first = pairs.first[pair]!;
    const second = pairs.second[pair]!;
    if (groups.of(first) === groups.of(second) || !canJoin(records, groups, first, second, verdictOf)) continue;
    groups.join(first, second);
    merges.push(scored(pair));
  }

  // One source lists a location once: two of its own records are never a doubtful pair.
  const review: ScoredPair[] = [];
  for (const pair of pairs.strongestFirst('te beoordelen')) {
    const first = pairs.first[pair]!;
    const second = pairs.second[pair]!;
    if (records[first]!.source !== records[second]!.source && groups.of(first) !== groups.of(second)) review.push(scored(pair));
  }
  return { groups: groups.inOrder(records), merges, review };
}

/**
 * No record of `first`'s group and none of `second`'s are apart: a person's verdict, else another
 * source and a judgement other than 'verschillend'. `first` and `second` are a pair judged the
 * same (no verdict, so judged without a hard conflict): that pair needs no second judgement.
 */
function canJoin(
  records: readonly MatchRecord[],
  groups: Groups,
  first: number,
  second: number,
  verdictOf: (first: number, second: number) => Verdict | undefined,
): boolean {
  for (let x = first; ; ) {
    for (let y = second; ; ) {
      const verdict = verdictOf(x, y);
      if (verdict !== undefined) {
        if (verdict !== 'zelfde') return false;
      } else if (records[x]!.source === records[y]!.source) return false;
      else if ((x !== first || y !== second) && judgePair(records[x]!, records[y]!).outcome === 'verschillend') return false;
      y = groups.next(y);
      if (y === second) break;
    }
    x = groups.next(x);
    if (x === first) return true;
  }
}

/**
 * Groups of positions in typed arrays: per position its group's number and the next member of its
 * group (a ring). A join renumbers the smaller group; the numbers say only which records are one.
 */
class Groups {
  private readonly groupOf: Int32Array;
  private readonly nextOf: Int32Array;
  private readonly sizeOf: Int32Array;

  constructor(count: number) {
    this.groupOf = new Int32Array(count);
    this.nextOf = new Int32Array(count);
    for (let position = 0; position < count; position += 1) this.groupOf[position] = this.nextOf[position] = position;
    this.sizeOf = new Int32Array(count).fill(1);
  }

  of(position: number): number {
    return this.groupOf[position]!;
  }

  next(position: number): number {
    return this.nextOf[position]!;
  }

  join(a: number, b: number): void {
    const swap = this.sizeOf[this.groupOf[a]!]! < this.sizeOf[this.groupOf[b]!]!;
    const larger = swap ? b : a;
    const smaller = swap ? a : b;
    const group = this.groupOf[larger]!;
    this.sizeOf[group]! += this.sizeOf[this.groupOf[smaller]!]!;
    for (let member = smaller; ; ) {
      this.groupOf[member] = group;
      member = this.nextOf[member]!;
      if (member === smaller) break;
    }
    // Two rings become one by swapping the successors of one member of each.
    const after = this.nextOf[larger]!;
    this.nextOf[larger] = this.nextOf[smaller]!;
    this.nextOf[smaller] = after;
  }

  /**
   * The groups as records, each in position order, the groups by their first member: positions
   * are in id order, so a walk through them meets each group first at its first member.
   */
  inOrder(records: readonly MatchRecord[]): MatchRecord[][] {
    const groups: MatchRecord[][] = [];
    const met = new Uint8Array(records.length);
    for (let position = 0; position < records.length; position += 1) {
      const group = this.groupOf[position]!;
      if (met[group] === 1) continue;
      met[group] = 1;
      if (this.nextOf[position] === position) {
        groups.push([records[position]!]);
        continue;
      }
      const members: number[] = [];
      for (let member = position; ; ) {
        members.push(member);
        member = this.nextOf[member]!;
        if (member === position) break;
      }
      groups.push(members.sort((x, y) => x - y).map((member) => records[member]!));
    }
    return groups;
  }
}

export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
