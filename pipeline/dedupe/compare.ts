/**
 * Are two records (or a record and last year's location) the same steunpunt? Every answer
 * carries the rule that gave it, so a merge can be explained and a doubtful pair reviewed.
 *
 * The core rule is containment: the informative words of one name must all occur in the other
 * name or its organisation ("Dorpskamer Didam" within "Stadskamer Dorpskamer Didam"). Two
 * names that each have a word the other lacks ("Sociale inloop Dokkum" / "Sociale inloop
 * Holwerd", "EDplaats Noord Molenwijk" / "EDplaats Noord de Banne") are different locations,
 * however similar they look as strings.
 */
import { jaroWinkler } from './jaro-winkler.ts';
import type { MatchKeys } from './match-key.ts';
import { oneEditApart } from './one-edit.ts';
import { hasSimilarWord, mayOccurIn, organisationsLookAlike, sharesWord, wordLength, wordScore, wordText, type WordIds } from './words.ts';

export interface MatchRecord {
  id: string;
  source: string;
  gmCode: string | null;
  izaRegion: string | null;
  postcode: string | null;
  placeKey: string;
  /** The resolved municipality's name as a key ('' when unknown): a place written as this is unspecific. */
  municipalityKey: string;
  websiteDomain: string | null;
  /** 'organisatie': an organisation listed without its locations (e.g. NVZH's member list). */
  level: 'locatie' | 'organisatie';
  keys: MatchKeys;
}

export type PairOutcome = 'zelfde' | 'te beoordelen' | 'verschillend';

export interface PairDecision {
  outcome: PairOutcome;
  /** Dutch, for the review list and the provenance of a merge. */
  rule: string;
  /** Similarity of the full names (Jaro-Winkler on the compact keys). */
  score: number;
}

/** Name similarity at or above which a pair that is not clearly the same goes to review. */
export const REVIEW_SIMILARITY = 0.88;
const RENAME_WORD_SIMILARITY = 0.8;
const MIN_SLIPPED_PLACE = 6;

export function comparePair(a: MatchRecord, b: MatchRecord): PairDecision {
  return { ...judgePair(a, b), score: nameSimilarity(a, b) };
}

/** Jaro-Winkler on the compact keys, to three decimals. */
export function nameSimilarity(a: MatchRecord, b: MatchRecord): number {
  return roundScore(jaroWinkler(a.keys.compactKey, b.keys.compactKey));
}

/**
 * The outcome and its rule, as comparePair gives them, without the similarity score: most
 * candidate pairs are judged different and nobody looks at their score.
 */
export function judgePair(a: MatchRecord, b: MatchRecord): Omit<PairDecision, 'score'> {
  const conflict = hardConflict(a, b);
  if (conflict) return { outcome: 'verschillend', rule: conflict };
  return judgeWithoutConflict(a, b);
}

/** judgePair for a pair no hard conflict rules out (HardConflicts told so already). */
export function judgeWithoutConflict(a: MatchRecord, b: MatchRecord): Omit<PairDecision, 'score'> {
  const samePostcode = a.postcode !== null && a.postcode.length === 7 && a.postcode === b.postcode;
  const organisationsDiffer = organisationConflict(a.keys, b.keys);
  if (a.keys.compactKey !== '' && a.keys.compactKey === b.keys.compactKey) {
    if (organisationsDiffer) return { outcome: 'te beoordelen', rule: 'zelfde naam, andere organisatie' };
    return { outcome: 'zelfde', rule: 'zelfde naam' };
  }
  if (organisationsDiffer) {
    return samePostcode
      ? { outcome: 'te beoordelen', rule: 'zelfde postcode, andere organisatie' }
      : OTHER_ORGANISATION;
  }
  if (containedIn(a.keys, b.keys) || containedIn(b.keys, a.keys)) {
    const placesDiffer = a.placeKey !== '' && b.placeKey !== '' && a.placeKey !== b.placeKey && !samePostcode;
    if (!placesDiffer) return { outcome: 'zelfde', rule: samePostcode ? 'naam komt overeen, zelfde postcode' : 'naam komt overeen' };
    return placeGivenAsMunicipality(a, b)
      ? { outcome: 'zelfde', rule: 'naam komt overeen, gemeente als plaats' }
      : { outcome: 'te beoordelen', rule: 'naam komt overeen, andere plaats' };
  }
  if (a.level === 'organisatie' || b.level === 'organisatie') {
    const [organisation, location] = a.level === 'organisatie' ? [a, b] : [b, a];
    if (organisationCoveredByLocation(organisation.keys, location.keys)) {
      return { outcome: 'zelfde', rule: 'organisatie gedekt door haar locatie' };
    }
  }
  if (samePostcode && sharesWord(a.keys.words.store, a.keys.words.start, a.keys.words.fullEnd, b.keys.words.store, b.keys.words.start, b.keys.words.fullEnd)) {
    return { outcome: 'te beoordelen', rule: 'zelfde postcode, andere naam' };
  }
  if (onlyOneWordDiffers(a.keys, b.keys) && nameSimilarity(a, b) >= REVIEW_SIMILARITY) {
    return { outcome: 'te beoordelen', rule: 'namen lijken op elkaar' };
  }
  return OTHER_NAME;
}

// Most candidate pairs end in one of these: shared, so judging them allocates nothing.
const OTHER_ORGANISATION: Omit<PairDecision, 'score'> = Object.freeze({ outcome: 'verschillend', rule: 'andere organisatie' });
const OTHER_NAME: Omit<PairDecision, 'score'> = Object.freeze({ outcome: 'verschillend', rule: 'andere naam' });

/**
 * One record gives its municipality as the place, the other a place in that municipality: the
 * places agree ("Ommen" for Stegeren). Unless the other's name carries its own place and this
 * name does not: "STIP Noordwijk" (in Noordwijk, also the municipality) and "STIP Noordwijkerhout"
 * (in Noordwijkerhout) are two walk-ins of one organisation.
 */
function placeGivenAsMunicipality(a: MatchRecord, b: MatchRecord): boolean {
  if (a.gmCode === null || a.gmCode !== b.gmCode) return false;
  const [general, specific] = isMunicipalityAsPlace(a) ? [a, b] : isMunicipalityAsPlace(b) ? [b, a] : [undefined, undefined];
  if (general === undefined || isMunicipalityAsPlace(specific)) return false;
  // The names as written, without an organisation's words: its town ("Welzijnswerk Gemert-Bakel",
  // also in brackets after the name) names no location.
  const place = specific.placeKey.replaceAll(' ', '');
  const organisation = [...specific.keys.organisationTokens, ...general.keys.organisationTokens];
  return !namesPlace(specific.keys, organisation, place) || namesPlace(general.keys, organisation, place);
}

/**
 * The name holds the place (written together), or a word one slip away from it. Not Jaro-Winkler:
 * it rates "noordwijk" and "noordwijkerhout" alike.
 */
function namesPlace(keys: MatchKeys, organisation: readonly string[], place: string): boolean {
  const words = keys.nameTokens.filter((token) => !organisation.includes(token));
  return words.join('').includes(place) || (place.length >= MIN_SLIPPED_PLACE && words.some((word) => oneEditApart(word, place)));
}

function isMunicipalityAsPlace(record: MatchRecord): boolean {
  return record.municipalityKey !== '' && record.placeKey === record.municipalityKey;
}

/**
 * Names that differ in one word each, and those words look alike: a typo or a rename
 * ("Herstelcafé X" / "Herstelpunt X"). Names that each carry words of their own
 * ("EDplaats Noord de Banne" / "EDplaats Noord Molenwijk") are two locations.
 */
function onlyOneWordDiffers(a: MatchKeys, b: MatchKeys): boolean {
  const onlyA = onlyMissingWord(a.words, b.words);
  if (onlyA === undefined) return false;
  const onlyB = onlyMissingWord(b.words, a.words);
  return onlyB !== undefined && wordScore(onlyA, onlyB) >= RENAME_WORD_SIMILARITY;
}

/** The one full word of `words` not found within `other`; undefined when none or several are missing. */
function onlyMissingWord(words: WordIds, other: WordIds): number | undefined {
  let missing: number | undefined;
  for (let at = words.start; at < words.fullEnd; at += 1) {
    const word = words.store[at]!;
    if (hasSimilarWord(word, other.store, other.start, other.organisationEnd)) continue;
    if (missing !== undefined) return undefined;
    missing = word;
  }
  return missing;
}

/** Facts that rule out a match whatever the names say. */
export function hardConflict(a: MatchRecord, b: MatchRecord): string | undefined {
  if (a.gmCode !== null && b.gmCode !== null && a.gmCode !== b.gmCode) return 'andere gemeente';
  if (a.izaRegion !== null && b.izaRegion !== null && a.izaRegion !== b.izaRegion) return 'andere IZA-regio';
  // Two full postcodes are two addresses; a bare PC4 is an area that sources fill in differently.
  if (isFullPostcode(a.postcode) && isFullPostcode(b.postcode) && a.postcode !== b.postcode) return 'andere postcode';
  return undefined;
}

/**
 * hardConflict's facts as numbers per record (position in `records`), for the millions of
 * candidate pairs: `between` is true exactly when hardConflict gives a rule.
 */
export class HardConflicts {
  private readonly municipality: Int32Array;
  private readonly region: Int32Array;
  private readonly postcode: Int32Array;

  constructor(records: readonly MatchRecord[]) {
    this.municipality = numberedFacts(records, (record) => record.gmCode);
    this.region = numberedFacts(records, (record) => record.izaRegion);
    this.postcode = numberedFacts(records, (record) => (isFullPostcode(record.postcode) ? record.postcode : null));
  }

  between(first: number, second: number): boolean {
    return differ(this.municipality, first, second) || differ(this.region, first, second) || differ(this.postcode, first, second);
  }
}

/** Both known (≥ 0) and not the same. */
function differ(facts: Int32Array, first: number, second: number): boolean {
  const a = facts[first]!;
  const b = facts[second]!;
  return a >= 0 && b >= 0 && a !== b;
}

/** One number per distinct text, -1 for none. */
function numberedFacts(records: readonly MatchRecord[], fact: (record: MatchRecord) => string | null): Int32Array {
  const numbers = new Map<string, number>();
  const facts = new Int32Array(records.length);
  for (let position = 0; position < records.length; position += 1) {
    const text = fact(records[position]!);
    let number = text === null ? -1 : numbers.get(text);
    if (number === undefined) numbers.set(text!, (number = numbers.size));
    facts[position] = number;
  }
  return facts;
}

function isFullPostcode(postcode: string | null): boolean {
  return postcode !== null && postcode.length === 7;
}

function organisationConflict(a: MatchKeys, b: MatchKeys): boolean {
  if (a.organisationKey === '' || b.organisationKey === '') return false;
  if (organisationsLookAlike(a.words, b.words)) return false;
  // A location named after itself ("Herstelruimte Emmen") may carry its own name as organisation.
  return (
    !wordsCovered(a.words, a.words.fullEnd, a.words.organisationEnd, b.words, b.words.start, b.words.fullEnd, b.compactKey, b.words.compactBigrams) &&
    !wordsCovered(b.words, b.words.fullEnd, b.words.organisationEnd, a.words, a.words.start, a.words.fullEnd, a.compactKey, a.words.compactBigrams)
  );
}

/**
 * Every informative word of `inner`'s name occurs in `outer`'s name or organisation, and so does
 * `inner`'s organisation: "Locatie Tilburg" of Fameus is not "Locaties Tilburg (Het Kiemuur)".
 */
function containedIn(inner: MatchKeys, outer: MatchKeys): boolean {
  const words = inner.words;
  const outerWords = outer.words;
  const organisationFound =
    words.organisationEnd === words.fullEnd ||
    wordsCovered(words, words.fullEnd, words.organisationEnd, outerWords, outerWords.start, outerWords.organisationEnd, outerWords.compactWithin, outerWords.withinBigrams);
  return (
    wordsCovered(words, words.organisationEnd, words.ownEnd, outerWords, outerWords.start, outerWords.organisationEnd, outerWords.compactWithin, outerWords.withinBigrams) &&
    organisationFound &&
    sharesWord(words.store, words.start, words.fullEnd, outerWords.store, outerWords.start, outerWords.fullEnd) &&
    !(foundOnlyInOrganisation(words, outer) && hasWordNotIn(outerWords, inner))
  );
}

/**
 * A word of `words` (the inner name's) that `outer`'s own name words lack, so it was found in the
 * organisation (in its column, or written before the name): the town in "Stichting Geldrop-Mierlo
 * Welzijn" or "Welzijnswerk Sittard-Geleen". Such a word says where the organisation works, not
 * which of its locations this is: "Inloop Mierlo" is not "Sociale inloop Roggeweide" of
 * Geldrop-Mierlo Welzijn, whose name has a word "Inloop Mierlo" lacks.
 */
function foundOnlyInOrganisation(words: WordIds, outer: MatchKeys): boolean {
  const own = outer.words;
  let ownCompact: string | undefined;
  for (let at = words.start; at < words.fullEnd; at += 1) {
    const word = words.store[at]!;
    if (hasSimilarWord(word, own.store, own.organisationEnd, own.ownEnd)) continue;
    const text = wordText(word);
    ownCompact ??= Array.from(own.store.subarray(own.organisationEnd, own.ownEnd), wordText).join('');
    if (text.length < 6 || !ownCompact.includes(text)) return true;
  }
  return false;
}

/** A word of `words`' own name words that `other` lacks (not even written together). */
function hasWordNotIn(words: WordIds, other: MatchKeys): boolean {
  const within = other.words;
  for (let at = words.organisationEnd; at < words.ownEnd; at += 1) {
    const word = words.store[at]!;
    if (hasSimilarWord(word, within.store, within.start, within.organisationEnd)) continue;
    if (wordLength(word) < 6 || !mayOccurIn(word, within.withinBigrams) || !within.compactWithin.includes(wordText(word))) return true;
  }
  return false;
}

function organisationCoveredByLocation(organisation: MatchKeys, location: MatchKeys): boolean {
  const { words } = organisation;
  const other = location.words;
  return wordsCovered(words, words.start, words.fullEnd, other, other.fullEnd, other.organisationEnd, other.organisationCompact, ANY_BIGRAMS);
}

/** A bigramSet that rules out no word (mayOccurIn). */
const ANY_BIGRAMS = -1;

/**
 * Every word of words.store[from, to) is like a word of within.store[withinFrom, withinTo), or
 * (6+ letters) occurs in `compactWithin` (whose bigramSet is `compactBigrams`) written together.
 */
function wordsCovered(
  words: WordIds,
  from: number,
  to: number,
  within: WordIds,
  withinFrom: number,
  withinTo: number,
  compactWithin: string,
  compactBigrams: number,
): boolean {
  if (to === from) return false;
  for (let at = from; at < to; at += 1) {
    const word = words.store[at]!;
    if (hasSimilarWord(word, within.store, withinFrom, withinTo)) continue;
    if (wordLength(word) < 6 || !mayOccurIn(word, compactBigrams) || !compactWithin.includes(wordText(word))) return false;
  }
  return true;
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
