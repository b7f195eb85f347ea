/**
 * What judging reads of a record, for the millions of candidate pairs: the hard-conflict facts,
 * the word lists and the numbers of PairSide, laid out in one typed array per kind in the order the
 * records' pairs are judged (area by area). A million MatchRecords, their keys and word lists lie
 * wherever the read made them; a pair read through them reached for several places in a heap of
 * hundreds of MB, and scoring cost twice as much per pair at a million records as at 300k.
 */
import { isFullPostcode, textHash, type MatchRecord, type PairSide } from './compare.ts';

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

  /** `order`: the positions of `records` in the order their pairs will be judged. */
  constructor(private readonly records: readonly MatchRecord[], order: Int32Array) {
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
    const numbered = { places: new Numbered(), postcodes: new Numbered(), municipalities: new Numbered(), regions: new Numbered() };
    // In position order: the records lie in memory about as they were read, so this walks the heap forwards.
    for (let position = 0; position < count; position += 1) this.put(position, wordStart, numbered);
  }

  private put(position: number, wordStart: Int32Array, numbered: Record<'places' | 'postcodes' | 'municipalities' | 'regions', Numbered>): void {
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
    facts[at + COMPACT] = keys.compactKey === '' ? -1 : textHash(keys.compactKey);
    facts[at + POSTCODE] = numbered.postcodes.of(isFullPostcode(record.postcode) ? record.postcode : null);
    facts[at + PLACE] = numbered.places.of(record.placeKey === '' ? null : record.placeKey);
    facts[at + MUNICIPALITY] = numbered.municipalities.of(record.gmCode);
    facts[at + REGION] = numbered.regions.of(record.izaRegion);
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

/** One number per distinct text, -1 for none. */
class Numbered {
  private readonly numbers = new Map<string, number>();

  of(text: string | null): number {
    if (text === null) return -1;
    let number = this.numbers.get(text);
    if (number === undefined) this.numbers.set(text, (number = this.numbers.size));
    return number;
  }
}
