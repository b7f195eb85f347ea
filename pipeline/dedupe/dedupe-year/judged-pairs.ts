/**
 * The candidate pairs that are not judged different, as columns indexed by pair: at a million
 * records they are hundreds of thousands, and an object per pair (with one for its decision) was
 * that many objects for the garbage collector to trace while the build runs on.
 */
import type { PairDecision, PairOutcome } from '../compare.ts';

const OUTCOMES: readonly PairOutcome[] = ['zelfde', 'te beoordelen', 'verschillend'];

export class JudgedPairs {
  /** Positions of the two records (first < second, in id order). */
  first = new Int32Array(1 << 12);
  second = new Int32Array(1 << 12);
  /** Index in OUTCOMES. */
  outcome = new Uint8Array(1 << 12);
  /** Index in `rules`. */
  rule = new Uint16Array(1 << 12);
  score = new Float64Array(1 << 12);
  length = 0;
  /** How many candidate pairs were judged (those a hard conflict rules out are not). */
  candidates = 0;
  private readonly rules: string[] = [];
  private readonly ruleNumbers = new Map<string, number>();

  push(first: number, second: number, outcome: PairOutcome, rule: string, score: number): void {
    if (this.length === this.first.length) this.grow();
    const at = this.length;
    this.first[at] = first;
    this.second[at] = second;
    this.outcome[at] = OUTCOMES.indexOf(outcome);
    this.rule[at] = this.ruleNumber(rule);
    this.score[at] = score;
    this.length += 1;
  }

  outcomeOf(pair: number): PairOutcome {
    return OUTCOMES[this.outcome[pair]!]!;
  }

  /** Sets a pair's outcome and rule (a person's verdict, or an ambiguity found later). */
  decide(pair: number, outcome: PairOutcome, rule: string): void {
    this.outcome[pair] = OUTCOMES.indexOf(outcome);
    this.rule[pair] = this.ruleNumber(rule);
  }

  decision(pair: number): PairDecision {
    return { outcome: this.outcomeOf(pair), rule: this.rules[this.rule[pair]!]!, score: this.score[pair]! };
  }

  /** The pairs with this outcome, strongest first: by score, then by the records' ids. */
  strongestFirst(outcome: PairOutcome): Int32Array {
    const wanted = OUTCOMES.indexOf(outcome);
    let count = 0;
    for (let pair = 0; pair < this.length; pair += 1) if (this.outcome[pair] === wanted) count += 1;
    const order = new Int32Array(count);
    count = 0;
    for (let pair = 0; pair < this.length; pair += 1) if (this.outcome[pair] === wanted) order[count++] = pair;
    const { score, first, second } = this;
    return order.sort((x, y) => score[y]! - score[x]! || first[x]! - first[y]! || second[x]! - second[y]!);
  }

  private ruleNumber(rule: string): number {
    let number = this.ruleNumbers.get(rule);
    if (number === undefined) {
      number = this.rules.length;
      if (number > 0xffff) throw new Error('too many distinct pair rules');
      this.ruleNumbers.set(rule, number);
      this.rules.push(rule);
    }
    return number;
  }

  private grow(): void {
    const size = this.first.length * 2;
    this.first = larger(this.first, new Int32Array(size));
    this.second = larger(this.second, new Int32Array(size));
    this.outcome = larger(this.outcome, new Uint8Array(size));
    this.rule = larger(this.rule, new Uint16Array(size));
    this.score = larger(this.score, new Float64Array(size));
  }
}

function larger<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
