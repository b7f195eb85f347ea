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
import { hasSimilarWord, knownOrganisationLikeness, mayOccurIn, organisationsLookAlike, sharesWord, wordLength, wordScore, wordText } from './words.ts';

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

/** judgePair for a pair no hard conflict rules out (PairFacts told so already). */
export function judgeWithoutConflict(a: MatchRecord, b: MatchRecord): Omit<PairDecision, 'score'> {
  return judgeSides(sideOf(a, LEFT), sideOf(b, RIGHT, LEFT));
}

/**
 * One side of a pair as judging reads it: the record's word lists (store[start, fullEnd) its full
 * name, [fullEnd, organisationEnd) its organisation, [organisationEnd, ownEnd) its own words) and
 * its facts as numbers. The millions of candidate pairs are judged from sides filled from columns
 * laid out in the order the pairs come (pair-facts.ts), not from record objects spread over the
 * heap; the texts are read from `record` only on the rare paths that need them.
 */
export class PairSide {
  record!: MatchRecord;
  store: Int32Array = NO_WORDS;
  start = 0;
  fullEnd = 0;
  organisationEnd = 0;
  ownEnd = 0;
  compactBigrams = 0;
  withinBigrams = 0;
  /** The organisation's number, -1 without one. */
  organisation = -1;
  /** Equal on both sides exactly when the compact keys are; -1 for ''. */
  compact = -1;
  /** Equal on both sides exactly when both give the same full postcode; -1 for none. */
  postcode = -1;
  /** Equal on both sides exactly when both give the same place; -1 for ''. */
  place = -1;
  organisationEntry = false;
  compactKey = '';
  /** The name's and the organisation's words written together. */
  compactWithin = '';
}

const NO_WORDS = new Int32Array(0);
const LEFT = new PairSide();
const RIGHT = new PairSide();

/** `side` filled from `record`; the numbers compared with `other`'s (already filled) where one is given. */
function sideOf(record: MatchRecord, side: PairSide, other?: PairSide): PairSide {
  const { words } = record.keys;
  side.record = record;
  side.store = words.store;
  side.start = words.start;
  side.fullEnd = words.fullEnd;
  side.organisationEnd = words.organisationEnd;
  side.ownEnd = words.ownEnd;
  side.compactBigrams = words.compactBigrams;
  side.withinBigrams = words.withinBigrams;
  side.organisation = record.keys.organisationKey === '' ? -1 : words.organisationNumber;
  side.compact = record.keys.compactKey === '' ? -1 : other === undefined || other.compactKey === record.keys.compactKey ? 0 : 1;
  side.postcode = !isFullPostcode(record.postcode) ? -1 : other === undefined || other.record.postcode === record.postcode ? 0 : 1;
  side.place = record.placeKey === '' ? -1 : other === undefined || other.record.placeKey === record.placeKey ? 0 : 1;
  side.organisationEntry = record.level === 'organisatie';
  side.compactKey = record.keys.compactKey;
  side.compactWithin = words.compactWithin;
  return side;
}

/** judgeWithoutConflict on two filled sides. */
export function judgeSides(a: PairSide, b: PairSide): Omit<PairDecision, 'score'> {
  const samePostcode = a.postcode >= 0 && a.postcode === b.postcode;
  const organisationsDiffer = organisationConflict(a, b);
  if (a.compact >= 0 && a.compact === b.compact) {
    if (organisationsDiffer) return { outcome: 'te beoordelen', rule: 'zelfde naam, andere organisatie' };
    return { outcome: 'zelfde', rule: 'zelfde naam' };
  }
  if (organisationsDiffer) {
    return samePostcode
      ? { outcome: 'te beoordelen', rule: 'zelfde postcode, andere organisatie' }
      : OTHER_ORGANISATION;
  }
  if (containedIn(a, b) || containedIn(b, a)) {
    const placesDiffer = a.place >= 0 && b.place >= 0 && a.place !== b.place && !samePostcode;
    if (!placesDiffer) return { outcome: 'zelfde', rule: samePostcode ? 'naam komt overeen, zelfde postcode' : 'naam komt overeen' };
    return placeGivenAsMunicipality(a.record, b.record)
      ? { outcome: 'zelfde', rule: 'naam komt overeen, gemeente als plaats' }
      : { outcome: 'te beoordelen', rule: 'naam komt overeen, andere plaats' };
  }
  if (a.organisationEntry || b.organisationEntry) {
    if (organisationCoveredByLocation(a.organisationEntry ? a : b, a.organisationEntry ? b : a)) {
      return { outcome: 'zelfde', rule: 'organisatie gedekt door haar locatie' };
    }
  }
  if (samePostcode && sharesWord(a.store, a.start, a.fullEnd, b.store, b.start, b.fullEnd)) {
    return { outcome: 'te beoordelen', rule: 'zelfde postcode, andere naam' };
  }
  if (onlyOneWordDiffers(a, b) && nameSimilarity(a.record, b.record) >= REVIEW_SIMILARITY) {
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
function onlyOneWordDiffers(a: PairSide, b: PairSide): boolean {
  const onlyA = onlyMissingWord(a, b);
  if (onlyA === undefined) return false;
  const onlyB = onlyMissingWord(b, a);
  return onlyB !== undefined && wordScore(onlyA, onlyB) >= RENAME_WORD_SIMILARITY;
}

/** The one full word of `words` not found within `other`; undefined when none or several are missing. */
function onlyMissingWord(words: PairSide, other: PairSide): number | undefined {
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

export function isFullPostcode(postcode: string | null): boolean {
  return postcode !== null && postcode.length === 7;
}

function organisationConflict(a: PairSide, b: PairSide): boolean {
  if (a.organisation < 0 || b.organisation < 0) return false;
  const known = knownOrganisationLikeness(a.organisation, b.organisation);
  if (known === undefined ? organisationsLookAlike(a.record.keys.words, b.record.keys.words) : known === 1) return false;
  // A location named after itself ("Herstelruimte Emmen") may carry its own name as organisation.
  return (
    !wordsCovered(a, a.fullEnd, a.organisationEnd, b, b.start, b.fullEnd, COMPACT_KEY, b.compactBigrams) &&
    !wordsCovered(b, b.fullEnd, b.organisationEnd, a, a.start, a.fullEnd, COMPACT_KEY, a.compactBigrams)
  );
}

/** Which of a record's texts a word is searched in, written together. */
type CompactText = typeof COMPACT_KEY | typeof COMPACT_WITHIN | typeof ORGANISATION_COMPACT;
const COMPACT_KEY = 0;
const COMPACT_WITHIN = 1;
const ORGANISATION_COMPACT = 2;

function compactText(side: PairSide, text: CompactText): string {
  return text === COMPACT_KEY ? side.compactKey : text === COMPACT_WITHIN ? side.compactWithin : side.record.keys.words.organisationCompact;
}

/**
 * Every informative word of `inner`'s name occurs in `outer`'s name or organisation, and so does
 * `inner`'s organisation: "Locatie Tilburg" of Fameus is not "Locaties Tilburg (Het Kiemuur)".
 */
function containedIn(inner: PairSide, outer: PairSide): boolean {
  // The own words first: most pairs fail there, and then the organisation's words need no search.
  return (
    wordsCovered(inner, inner.organisationEnd, inner.ownEnd, outer, outer.start, outer.organisationEnd, COMPACT_WITHIN, outer.withinBigrams) &&
    (inner.organisationEnd === inner.fullEnd ||
      wordsCovered(inner, inner.fullEnd, inner.organisationEnd, outer, outer.start, outer.organisationEnd, COMPACT_WITHIN, outer.withinBigrams)) &&
    sharesWord(inner.store, inner.start, inner.fullEnd, outer.store, outer.start, outer.fullEnd) &&
    !(foundOnlyInOrganisation(inner, outer) && hasWordNotIn(outer, inner))
  );
}

/**
 * A word of `words` (the inner name's) that `outer`'s own name words lack, so it was found in the
 * organisation (in its column, or written before the name): the town in "Stichting Geldrop-Mierlo
 * Welzijn" or "Welzijnswerk Sittard-Geleen". Such a word says where the organisation works, not
 * which of its locations this is: "Inloop Mierlo" is not "Sociale inloop Roggeweide" of
 * Geldrop-Mierlo Welzijn, whose name has a word "Inloop Mierlo" lacks.
 */
function foundOnlyInOrganisation(words: PairSide, own: PairSide): boolean {
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

/** A word of `words`' own name words that `within` lacks (not even written together). */
function hasWordNotIn(words: PairSide, within: PairSide): boolean {
  for (let at = words.organisationEnd; at < words.ownEnd; at += 1) {
    const word = words.store[at]!;
    if (hasSimilarWord(word, within.store, within.start, within.organisationEnd)) continue;
    if (wordLength(word) < 6 || !mayOccurIn(word, within.withinBigrams) || !compactText(within, COMPACT_WITHIN).includes(wordText(word))) return true;
  }
  return false;
}

function organisationCoveredByLocation(organisation: PairSide, location: PairSide): boolean {
  return wordsCovered(organisation, organisation.start, organisation.fullEnd, location, location.fullEnd, location.organisationEnd, ORGANISATION_COMPACT, ANY_BIGRAMS);
}

/** A bigramSet that rules out no word (mayOccurIn). */
const ANY_BIGRAMS = -1;

/**
 * Every word of words.store[from, to) is like a word of within.store[withinFrom, withinTo), or
 * (6+ letters) occurs in `within`'s `text` (whose bigramSet is `bigrams`) written together.
 */
function wordsCovered(
  words: PairSide,
  from: number,
  to: number,
  within: PairSide,
  withinFrom: number,
  withinTo: number,
  text: CompactText,
  bigrams: number,
): boolean {
  if (to === from) return false;
  for (let at = from; at < to; at += 1) {
    const word = words.store[at]!;
    if (hasSimilarWord(word, within.store, withinFrom, withinTo)) continue;
    if (wordLength(word) < 6 || !mayOccurIn(word, bigrams) || !compactText(within, text).includes(wordText(word))) return false;
  }
  return true;
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
