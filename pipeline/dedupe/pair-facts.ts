/**
 * What judging reads of a record, for the millions of candidate pairs: the hard-conflict facts,
 * the word lists and the numbers of PairSide, laid out in one typed array per kind in the order the
 * records' pairs are judged (area by area). A million MatchRecords, their keys and word lists lie
 * wherever the read made them; a pair read through them reached for several places in a heap of
 * hundreds of MB, and scoring cost twice as much per pair at a million records as at 300k.
 */
import type { RecordNumbers } from './candidates.ts';
import type { MatchRecord, PairSide } from './compare.ts';

/** Per record, in order: where its words start, end of the full name, organisation and own words, and its facts. */
const STRIDE = 12;
const START = 0;
const FULL_END = 1;
const ORGANISATION_END = 2;
const OWN_END = 3;
const COMPACT_BIGRAMS = 4;
const WITHIN_BIGRAMS = 5;
const ORGANISATION = 6;
const COMPACT = 7;
const POSTCODE = 8;
const PLACE = 9;
const MUNICIPALITY = 10;
const REGION = 11;

export class PairFacts {
  /** Per position in `records`, its place in the order. */
  private readonly rankOf: Int32Array;
  private readonly facts: Int32Array;
  /** The records' word lists side by side, in the order. */
  private readonly words: Int32Array;
  private readonly organisationEntry: Uint8Array;

  /** Per rank, the record's compact key and its name and organisation written together. */
  private readonly compactKeys: string[];
  private readonly compactWithin: string[];

  /**
   * `order`: the positions of `records` in the order their pairs will be judged; `numbered`: the
   * facts blocking numbered, by position.
   */
  constructor(private readonly records: readonly MatchRecord[], order: Int32Array, numbered: RecordNumbers) {
    const count = records.length;
    this.rankOf = new Int32Array(count);
    for (let rank = 0; rank < count; rank += 1) this.rankOf[order[rank]!] = rank;
    let wordCount = 0;
    for (const record of records) wordCount += record.keys.words.ownEnd - record.keys.words.start;
    this.words = new Int32Array(wordCount);
    this.facts = new Int32Array(STRIDE * count);
    this.organisationEntry = new Uint8Array(count);
    this.compactKeys = new Array<string>(count).fill('');
    this.compactWithin = new Array<string>(count).fill('');
    const wordStart = new Int32Array(count + 1);
    for (let rank = 0; rank < count; rank += 1) {
      const { words } = records[order[rank]!]!.keys;
      wordStart[rank + 1] = wordStart[rank]! + words.ownEnd - words.start;
    }
    const places = new Map<string, number>();
    for (let position = 0; position < count; position += 1) this.put(position, wordStart, numbered, places);
  }

  private put(position: number, wordStart: Int32Array, numbered: RecordNumbers, places: Map<string, number>): void {
    const record = this.records[position]!;
    const { keys } = record;
    const { words } = keys;
    const rank = this.rankOf[position]!;
    const from = wordStart[rank]!;
    const target = this.words;
    for (let word = words.start; word < words.ownEnd; word += 1) target[from + word - words.start] = words.store[word]!;
    const at = rank * STRIDE;
    const facts = this.facts;
    facts[at + START] = from;
    facts[at + FULL_END] = from + words.fullEnd - words.start;
    facts[at + ORGANISATION_END] = from + words.organisationEnd - words.start;
    facts[at + OWN_END] = from + words.ownEnd - words.start;
    facts[at + COMPACT_BIGRAMS] = words.compactBigrams;
    facts[at + WITHIN_BIGRAMS] = words.withinBigrams;
    facts[at + ORGANISATION] = keys.organisationKey === '' ? -1 : words.organisationNumber;
    facts[at + COMPACT] = numbered.compact[position]!;
    facts[at + POSTCODE] = numbered.postcode[position]!;
    facts[at + PLACE] = record.placeKey === '' ? -1 : placeNumber(places, record.placeKey);
    facts[at + MUNICIPALITY] = numbered.municipality[position]!;
    facts[at + REGION] = numbered.region[position]!;
    this.organisationEntry[rank] = record.level === 'organisatie' ? 1 : 0;
    this.compactKeys[rank] = keys.compactKey;
    this.compactWithin[rank] = words.compactWithin;
  }

  /** True exactly when hardConflict gives a rule for the two records. */
  conflict(first: number, second: number): boolean {
    const a = this.rankOf[first]! * STRIDE;
    const b = this.rankOf[second]! * STRIDE;
    const { facts } = this;
    return differ(facts, a + MUNICIPALITY, b + MUNICIPALITY) || differ(facts, a + REGION, b + REGION) || differ(facts, a + POSTCODE, b + POSTCODE);
  }

  /** `side` filled with the record at `position`. */
  fill(side: PairSide, position: number): PairSide {
    const rank = this.rankOf[position]!;
    const at = rank * STRIDE;
    const { facts } = this;
    side.record = this.records[position]!;
    side.store = this.words;
    side.start = facts[at + START]!;
    side.fullEnd = facts[at + FULL_END]!;
    side.organisationEnd = facts[at + ORGANISATION_END]!;
    side.ownEnd = facts[at + OWN_END]!;
    side.compactBigrams = facts[at + COMPACT_BIGRAMS]!;
    side.withinBigrams = facts[at + WITHIN_BIGRAMS]!;
    side.organisation = facts[at + ORGANISATION]!;
    side.compact = facts[at + COMPACT]!;
    side.postcode = facts[at + POSTCODE]!;
    side.place = facts[at + PLACE]!;
    side.organisationEntry = this.organisationEntry[rank] === 1;
    side.compactKey = this.compactKeys[rank]!;
    side.compactWithin = this.compactWithin[rank]!;
    return side;
  }
}

/** Both known (≥ 0) and not the same. */
function differ(facts: Int32Array, a: number, b: number): boolean {
  const x = facts[a]!;
  const y = facts[b]!;
  return x >= 0 && y >= 0 && x !== y;
}

function placeNumber(places: Map<string, number>, place: string): number {
  let number = places.get(place);
  if (number === undefined) places.set(place, (number = places.size));
  return number;
}
