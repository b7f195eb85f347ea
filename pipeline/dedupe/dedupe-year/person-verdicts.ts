/**
 * The verdicts people gave on pairs of records (matched by fingerprint), looked up by the records'
 * positions. A record whose fingerprint no verdict names, the common case, is answered without
 * building a fingerprint or a key per pair.
 */
import type { Verdict } from '../cluster.ts';
import type { MatchRecord } from '../compare.ts';
import { fingerprint } from '../records.ts';

export interface VerdictRow {
  fingerprint_a: string;
  fingerprint_b: string;
  verdict: Verdict;
}

export class PersonVerdicts {
  /** Per position, the number of its fingerprint among those the verdicts name (-1: none). */
  private readonly numberOf: Int32Array;
  /** Verdicts by the pair of fingerprint numbers (lower · count + higher). */
  private readonly byPair = new Map<number, Verdict>();
  private readonly count: number;

  constructor(rows: readonly VerdictRow[], records: readonly MatchRecord[]) {
    const numbers = new Map<string, number>();
    const number = (text: string) => {
      let known = numbers.get(text);
      if (known === undefined) numbers.set(text, (known = numbers.size));
      return known;
    };
    const pairs = rows.map((row) => [number(row.fingerprint_a), number(row.fingerprint_b), row.verdict] as const);
    this.count = numbers.size;
    // A later verdict on the same pair replaces an earlier one, as in a Map keyed by text.
    for (const [a, b, verdict] of pairs) this.byPair.set(this.key(a, b), verdict);
    this.numberOf = Int32Array.from(records, (record) => (numbers.size === 0 ? -1 : numbers.get(fingerprint(record)) ?? -1));
  }

  of(first: number, second: number): Verdict | undefined {
    if (this.byPair.size === 0) return undefined;
    const a = this.numberOf[first]!;
    const b = this.numberOf[second]!;
    return a < 0 || b < 0 ? undefined : this.byPair.get(this.key(a, b));
  }

  decided(first: number, second: number): boolean {
    return this.of(first, second) !== undefined;
  }

  private key(a: number, b: number): number {
    return a < b ? a * this.count + b : b * this.count + a;
  }
}
