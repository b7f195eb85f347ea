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

export interface MatchRecord {
  id: string;
  source: string;
  gmCode: string | null;
  izaRegion: string | null;
  postcode: string | null;
  placeKey: string;
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
const TOKEN_SIMILARITY = 0.92;
const RENAME_WORD_SIMILARITY = 0.8;

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

  const samePostcode = a.postcode !== null && a.postcode.length === 7 && a.postcode === b.postcode;
  const organisationsDiffer = organisationConflict(a.keys, b.keys);
  if (a.keys.compactKey !== '' && a.keys.compactKey === b.keys.compactKey) {
    if (organisationsDiffer) return { outcome: 'te beoordelen', rule: 'zelfde naam, andere organisatie' };
    return { outcome: 'zelfde', rule: 'zelfde naam' };
  }
  if (organisationsDiffer) {
    return samePostcode
      ? { outcome: 'te beoordelen', rule: 'zelfde postcode, andere organisatie' }
      : { outcome: 'verschillend', rule: 'andere organisatie' };
  }
  if (containedIn(a.keys, b.keys) || containedIn(b.keys, a.keys)) {
    const placesDiffer = a.placeKey !== '' && b.placeKey !== '' && a.placeKey !== b.placeKey && !samePostcode;
    return placesDiffer
      ? { outcome: 'te beoordelen', rule: 'naam komt overeen, andere plaats' }
      : { outcome: 'zelfde', rule: samePostcode ? 'naam komt overeen, zelfde postcode' : 'naam komt overeen' };
  }
  if (a.level === 'organisatie' || b.level === 'organisatie') {
    const [organisation, location] = a.level === 'organisatie' ? [a, b] : [b, a];
    if (organisationCoveredByLocation(organisation.keys, location.keys)) {
      return { outcome: 'zelfde', rule: 'organisatie gedekt door haar locatie' };
    }
  }
  if (samePostcode && sharesWord(wordIds(a.keys).full, wordIds(b.keys).full)) {
    return { outcome: 'te beoordelen', rule: 'zelfde postcode, andere naam' };
  }
  if (onlyOneWordDiffers(a.keys, b.keys) && nameSimilarity(a, b) >= REVIEW_SIMILARITY) {
    return { outcome: 'te beoordelen', rule: 'namen lijken op elkaar' };
  }
  return { outcome: 'verschillend', rule: 'andere naam' };
}

/**
 * Names that differ in one word each, and those words look alike: a typo or a rename
 * ("Herstelcafé X" / "Herstelpunt X"). Names that each carry words of their own
 * ("EDplaats Noord de Banne" / "EDplaats Noord Molenwijk") are two locations.
 */
function onlyOneWordDiffers(a: MatchKeys, b: MatchKeys): boolean {
  const [wordsA, wordsB] = [wordIds(a), wordIds(b)];
  const onlyA = wordsNotFound(wordsA.full, wordsB.within);
  if (onlyA.length !== 1) return false;
  const onlyB = wordsNotFound(wordsB.full, wordsA.within);
  return onlyB.length === 1 && jaroWinkler(wordText(onlyA[0]!), wordText(onlyB[0]!)) >= RENAME_WORD_SIMILARITY;
}

function wordsNotFound(words: Int32Array, within: Int32Array): number[] {
  const missing: number[] = [];
  for (const word of words) if (!hasSimilarWord(word, within)) missing.push(word);
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

function isFullPostcode(postcode: string | null): boolean {
  return postcode !== null && postcode.length === 7;
}

function organisationConflict(a: MatchKeys, b: MatchKeys): boolean {
  if (a.organisationKey === '' || b.organisationKey === '') return false;
  const wordsA = wordIds(a);
  const wordsB = wordIds(b);
  if (sharesWord(wordsA.organisation, wordsB.organisation)) return false;
  const compactA = wordsA.organisationCompact;
  const compactB = wordsB.organisationCompact;
  if (compactA.includes(compactB) || compactB.includes(compactA)) return false;
  // A location named after itself ("Herstelruimte Emmen") may carry its own name as organisation.
  if (wordsCovered(wordsA.organisation, wordsB.full, b.compactKey) || wordsCovered(wordsB.organisation, wordsA.full, a.compactKey)) return false;
  return jaroWinkler(compactA, compactB) < TOKEN_SIMILARITY;
}

/**
 * Every informative word of `inner`'s name occurs in `outer`'s name or organisation, and so does
 * `inner`'s organisation: "Locatie Tilburg" of Fameus is not "Locaties Tilburg (Het Kiemuur)".
 */
function containedIn(inner: MatchKeys, outer: MatchKeys): boolean {
  const words = wordIds(inner);
  const outerWords = wordIds(outer);
  const organisationFound = words.organisation.length === 0 || wordsCovered(words.organisation, outerWords.within, outerWords.compactWithin);
  return (
    wordsCovered(words.own, outerWords.within, outerWords.compactWithin) && organisationFound && sharesWord(words.full, outerWords.full)
  );
}

function organisationCoveredByLocation(organisation: MatchKeys, location: MatchKeys): boolean {
  const words = wordIds(location);
  return wordsCovered(wordIds(organisation).full, words.organisation, words.organisationCompact);
}

/** Every word is like a word of `within`, or (6+ letters) occurs in `within` written together. */
function wordsCovered(words: Int32Array, within: Int32Array, compactWithin: string): boolean {
  if (words.length === 0) return false;
  for (const word of words) {
    if (hasSimilarWord(word, within)) continue;
    const text = wordText(word);
    if (text.length < 6 || !compactWithin.includes(text)) return false;
  }
  return true;
}

function sharesWord(a: Int32Array, b: Int32Array): boolean {
  for (const word of a) if (hasSimilarWord(word, b)) return true;
  return false;
}

function hasSimilarWord(word: number, within: Int32Array): boolean {
  for (const other of within) if (similarWords(word, other)) return true;
  return false;
}

/**
 * The words of a name as numbers, one per distinct word: scoring compares millions of word pairs,
 * and numbers compare and key a cache far faster than strings.
 */
interface WordIds {
  full: Int32Array;
  organisation: Int32Array;
  /** The name's and the organisation's words: where another name's words are looked for. */
  within: Int32Array;
  /** The name's own words (not its organisation's); all of them when it has none of its own. */
  own: Int32Array;
  compactWithin: string;
  organisationCompact: string;
}

const wordNumbers = new Map<string, number>();
const words: string[] = [];
const preparedKeys = new WeakMap<MatchKeys, WordIds>();

function wordIds(keys: MatchKeys): WordIds {
  const known = preparedKeys.get(keys);
  if (known !== undefined) return known;
  const toIds = (tokens: readonly string[]) => Int32Array.from(tokens, wordNumber);
  const ownTokens = keys.fullTokens.filter((token) => !keys.organisationTokens.includes(token));
  const prepared: WordIds = {
    full: toIds(keys.fullTokens),
    organisation: toIds(keys.organisationTokens),
    within: toIds([...keys.fullTokens, ...keys.organisationTokens]),
    own: toIds(ownTokens.length > 0 ? ownTokens : keys.fullTokens),
    compactWithin: [...keys.fullTokens, ...keys.organisationTokens].join(''),
    organisationCompact: keys.organisationTokens.join(''),
  };
  preparedKeys.set(keys, prepared);
  return prepared;
}

function wordNumber(word: string): number {
  let number = wordNumbers.get(word);
  if (number === undefined) {
    number = words.length;
    words.push(word);
    wordSimilarity.push(undefined);
    wordNumbers.set(word, number);
  }
  return number;
}

function wordText(number: number): string {
  return words[number]!;
}

/**
 * Word pairs recur across thousands of candidate pairs; their similarity is computed once, kept
 * per lower word number so that no lookup allocates a key.
 */
let wordSimilarity: (Map<number, boolean> | undefined)[] = [];
let cachedSimilarities = 0;
const WORD_CACHE_LIMIT = 2_000_000;
// Jaro-Winkler ≤ 0.6·Jaro + 0.4 and Jaro ≤ (2 + shorter/longer) / 3: below this length ratio no
// two words reach TOKEN_SIMILARITY (0.92 needs a ratio of 0.6); a margin keeps rounding out of it.
const MIN_LENGTH_RATIO = 0.59;

function similarWords(a: number, b: number): boolean {
  if (a === b) return true;
  const textA = wordText(a);
  const textB = wordText(b);
  if (textA.length < 5 || textB.length < 5) return false;
  if (Math.min(textA.length, textB.length) < MIN_LENGTH_RATIO * Math.max(textA.length, textB.length)) return false;
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  let known = wordSimilarity[low];
  const cached = known?.get(high);
  if (cached !== undefined) return cached;
  if (cachedSimilarities >= WORD_CACHE_LIMIT) {
    wordSimilarity = words.map(() => undefined);
    cachedSimilarities = 0;
    known = undefined;
  }
  if (known === undefined) wordSimilarity[low] = known = new Map();
  const similar = jaroWinkler(textA, textB) >= TOKEN_SIMILARITY;
  known.set(high, similar);
  cachedSimilarities += 1;
  return similar;
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
