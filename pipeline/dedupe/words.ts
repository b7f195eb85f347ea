/**
 * The matcher's vocabulary: every distinct word gets a number, and the similarity of two words is
 * computed once. Scoring compares millions of word pairs at 100k records; numbers compare and key
 * a cache far faster than strings, and a lookup allocates nothing.
 */
import { jaroWinkler } from './jaro-winkler.ts';
import { oneEditApart } from './one-edit.ts';
import { PairCache } from './pair-cache.ts';

/**
 * A name's words as numbers (see MatchKeys for what each list holds). The lists lie side by side
 * in `store`, a typed array shared by many records: a million records with four small typed
 * arrays each held about 700 bytes a record in typed-array objects alone.
 *
 *   store: … | full | organisation | own | …
 *            start  fullEnd  organisationEnd  ownEnd
 *
 * so `within` (the name's and the organisation's words) is [start, organisationEnd).
 */
export interface WordIds {
  store: Int32Array;
  start: number;
  fullEnd: number;
  organisationEnd: number;
  ownEnd: number;
  /** The name's and the organisation's words written together, for words that another name writes as one. */
  compactWithin: string;
  /** bigramSet of the compact key (the full tokens written together) and of compactWithin. */
  compactBigrams: number;
  withinBigrams: number;
  organisationCompact: string;
  /** One number per distinct organisation (-1 without one). */
  organisationNumber: number;
}

/** Word similarity at or above which two words count as the same word (a typo). */
export const WORD_SIMILARITY = 0.92;
const MIN_SIMILAR_LENGTH = 5;
/** A slip of one letter counts as the same word when the longer spelling has at least this many letters. */
const MIN_ONE_EDIT_LENGTH = 6;
// Jaro-Winkler ≤ 0.6·Jaro + 0.4 and Jaro ≤ (2 + shorter/longer) / 3: below this length ratio no
// two words reach WORD_SIMILARITY (0.92 needs a ratio of 0.6); a margin keeps rounding out of it.
const MIN_LENGTH_RATIO = 0.59;
// Capacity stays a power of two; at most half full, so 2M pairs take 4M slots (64 MB).
const CACHE_LIMIT = 2_000_000;

const wordNumbers = new Map<string, number>();
const words: string[] = [];
/** Per word number: the set of its characters as bits (code & 31), for the bound in mayBeSimilar. */
let letterSets = new Int32Array(1 << 12);
/** Per word number: its bigramSet, for mayOccurIn. */
let bigramSets = new Int32Array(1 << 12);
/** Per word number: its length, without a visit to the word's text (a cache miss per word in scoring). */
let wordLengths = new Int32Array(1 << 12);
const organisationNumbers = new Map<string, number>();
/** Per organisation number: its key, compact key and words, one copy shared by all its records. */
const organisations: Organisation[] = [];
const wordScores = new PairCache(1 << 16, CACHE_LIMIT);
const organisationLikeness = new PairCache(1 << 12, CACHE_LIMIT);

/**
 * `compact`: the full tokens written together (the record's compact key, shared rather than
 * copied); `organisation`: the organisation of `organisationTokens`, when the caller has it.
 */
export function wordIds(
  fullTokens: readonly string[],
  organisationTokens: readonly string[],
  compact: string,
  organisation = organisationOf(organisationTokens),
): WordIds {
  const ownTokens = fullTokens.filter((token) => !organisationTokens.includes(token));
  const own = ownTokens.length > 0 ? ownTokens : fullTokens;
  const at = reserve(fullTokens.length + organisationTokens.length + own.length);
  const fullEnd = numberInto(fullTokens, at);
  const organisationEnd = numberInto(organisationTokens, fullEnd);
  const organisationCompact = organisation?.compact ?? '';
  const compactWithin = organisationCompact === '' ? compact : compact + organisationCompact;
  return {
    store,
    start: at,
    fullEnd,
    organisationEnd,
    ownEnd: numberInto(own, organisationEnd),
    compactWithin,
    compactBigrams: bigramSet(compact),
    withinBigrams: organisationCompact === '' ? bigramSet(compact) : bigramSet(compactWithin),
    organisationCompact,
    organisationNumber: organisation?.number ?? -1,
  };
}

/** An organisation as its records share it (many locations name one organisation). */
export interface Organisation {
  number: number;
  /** The words joined by spaces: the organisation key for blocking and equality. */
  key: string;
  /** The words written together. */
  compact: string;
  /** The vocabulary's copies of the words. */
  tokens: readonly string[];
}

/** The organisation with these (numbered) words; undefined for none. */
export function organisationOf(tokens: readonly string[]): Organisation | undefined {
  if (tokens.length === 0) return undefined;
  const key = tokens.join(' ');
  const number = organisationNumbers.get(key);
  if (number !== undefined) return organisations[number];
  const organisation = { number: organisations.length, key, compact: tokens.join(''), tokens: tokens.map(knownWord) };
  organisationNumbers.set(key, organisation.number);
  organisations.push(organisation);
  return organisation;
}

export function wordText(word: number): string {
  return words[word]!;
}

/** Per word number, the word's place among all words numbered so far, in text order. */
export function wordRanks(): Int32Array {
  // The array's own sort of texts: no comparator called from script.
  const sorted = [...words].sort();
  const ranks = new Int32Array(words.length);
  for (let rank = 0; rank < sorted.length; rank += 1) ranks[wordNumbers.get(sorted[rank]!)!] = rank;
  return ranks;
}

export function wordLength(word: number): number {
  return wordLengths[word]!;
}

/** The vocabulary's copy of a word already numbered (the text itself otherwise). */
export function knownWord(text: string): string {
  const number = wordNumbers.get(text);
  return number === undefined ? text : words[number]!;
}

/** The same word, or (both 5+ letters) a likely typo of it. */
export function similarWords(a: number, b: number): boolean {
  if (a === b) return true;
  const lengthA = wordLengths[a]!;
  const lengthB = wordLengths[b]!;
  return typoLengths(lengthA, lengthB) && mayBeSimilar(lengthA, lengthB, letterSets[a]!, letterSets[b]!) && wordScore(a, b) >= WORD_SIMILARITY;
}

/**
 * False when two different words cannot reach WORD_SIMILARITY, judged from their lengths and
 * character sets alone: most word pairs scoring meets are unalike, and this spares them the
 * score cache. A character of one word absent from the other is matched by nothing, so the Jaro
 * matches are at most each length less the characters only it has; Jaro-Winkler ≤ 0.6·Jaro + 0.4
 * and Jaro ≤ (m/|a| + m/|b| + 1) / 3, so 0.92 needs m/|a| + m/|b| ≥ 1.6 (a margin keeps rounding
 * out of it). One slip apart changes at most one character each way.
 */
function mayBeSimilar(lengthA: number, lengthB: number, lettersA: number, lettersB: number): boolean {
  const onlyA = bitCount(lettersA & ~lettersB);
  const onlyB = bitCount(lettersB & ~lettersA);
  if (onlyA <= 1 && onlyB <= 1) return true;
  const matches = Math.min(lengthA - onlyA, lengthB - onlyB);
  return matches / lengthA + matches / lengthB >= JARO_BOUND;
}

const JARO_BOUND = 1.6 - 1e-6;

function bitCount(bits: number): number {
  let count = bits - ((bits >>> 1) & 0x55555555);
  count = (count & 0x33333333) + ((count >>> 2) & 0x33333333);
  return Math.imul((count + (count >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The pairs of adjacent characters of `text` as bits (a hash of the pair & 31). A text written
 * inside another has all its pairs there, so its set lies within the other's.
 */
function bigramSet(text: string): number {
  let bits = 0;
  for (let at = 1; at < text.length; at += 1) bits |= 1 << ((text.charCodeAt(at - 1) * 5 + text.charCodeAt(at)) & 31);
  return bits;
}

/**
 * False when the word cannot occur in a text whose bigramSet is `bigrams`. Scoring asks millions
 * of times whether a word is written inside another name; most words are not, and this spares
 * the search.
 */
export function mayOccurIn(word: number, bigrams: number): boolean {
  const own = bigramSets[word]!;
  return (own & bigrams) === own;
}

function letterSet(text: string): number {
  let bits = 0;
  for (let at = 0; at < text.length; at += 1) bits |= 1 << (text.charCodeAt(at) & 31);
  return bits;
}

/** The same test as similarWords, on words not (yet) numbered. */
export function similarTexts(a: string, b: string): boolean {
  if (a === b) return true;
  return typoLengths(a.length, b.length) && textScore(a, b) >= WORD_SIMILARITY;
}

/** Lengths two spellings of one word can have: both 5+ letters, neither far longer. */
function typoLengths(lengthA: number, lengthB: number): boolean {
  if (lengthA < MIN_SIMILAR_LENGTH || lengthB < MIN_SIMILAR_LENGTH) return false;
  return Math.min(lengthA, lengthB) >= MIN_LENGTH_RATIO * Math.max(lengthA, lengthB);
}

/** textScore of two numbered words, computed once per pair. */
export function wordScore(a: number, b: number): number {
  const known = wordScores.get(a, b);
  if (known !== undefined) return known;
  const score = textScore(words[a]!, words[b]!);
  wordScores.set(a, b, score);
  return score;
}

/**
 * Jaro-Winkler of two words; two words one typing slip apart (one-edit.ts) score at least
 * WORD_SIMILARITY, however Jaro-Winkler rates them.
 */
function textScore(a: string, b: string): number {
  const score = jaroWinkler(a, b);
  return score < WORD_SIMILARITY && Math.max(a.length, b.length) >= MIN_ONE_EDIT_LENGTH && oneEditApart(a, b) ? WORD_SIMILARITY : score;
}

/** Two different words one typing slip apart, long enough to tell a slip from another word. */
export function slipApart(a: string, b: string): boolean {
  return a !== b && Math.max(a.length, b.length) >= MIN_ONE_EDIT_LENGTH && Math.min(a.length, b.length) >= MIN_SIMILAR_LENGTH && oneEditApart(a, b);
}

/**
 * Two organisations whose names look alike on their own: a shared word, one written inside the
 * other, or alike as strings. Computed once per pair of organisations.
 */
export function organisationsLookAlike(a: WordIds, b: WordIds): boolean {
  const known = organisationLikeness.get(a.organisationNumber, b.organisationNumber);
  if (known !== undefined) return known === 1;
  const alike =
    sharesWord(a.store, a.fullEnd, a.organisationEnd, b.store, b.fullEnd, b.organisationEnd) ||
    a.organisationCompact.includes(b.organisationCompact) ||
    b.organisationCompact.includes(a.organisationCompact) ||
    jaroWinkler(a.organisationCompact, b.organisationCompact) >= WORD_SIMILARITY;
  organisationLikeness.set(a.organisationNumber, b.organisationNumber, alike ? 1 : 0);
  return alike;
}

/** A word of store[from, to) is like a word of within[withinFrom, withinTo). */
export function sharesWord(store: Int32Array, from: number, to: number, within: Int32Array, withinFrom: number, withinTo: number): boolean {
  for (let at = from; at < to; at += 1) if (hasSimilarWord(store[at]!, within, withinFrom, withinTo)) return true;
  return false;
}

export function hasSimilarWord(word: number, within: Int32Array, from: number, to: number): boolean {
  // The same word is the common case and costs no lookup; only then the typos.
  for (let at = from; at < to; at += 1) if (within[at] === word) return true;
  for (let at = from; at < to; at += 1) if (similarWords(word, within[at]!)) return true;
  return false;
}

// Records take their word numbers from a block of STORE_SIZE numbers at a time; a block is freed
// when the last record numbered in it is.
const STORE_SIZE = 1 << 16;
let store = new Int32Array(STORE_SIZE);
let used = 0;

/** The position of `count` free numbers in `store` (a new block when the current one is full). */
function reserve(count: number): number {
  if (used + count > store.length) {
    store = new Int32Array(Math.max(STORE_SIZE, count));
    used = 0;
  }
  const at = used;
  used += count;
  return at;
}

/** Numbers the tokens into `store` from `at`; returns the position after the last. */
function numberInto(tokens: readonly string[], at: number): number {
  for (const token of tokens) store[at++] = numberOf(wordNumbers, token, addWord);
  return at;
}

function addWord(word: string): void {
  if (words.length === letterSets.length) {
    letterSets = doubled(letterSets);
    bigramSets = doubled(bigramSets);
    wordLengths = doubled(wordLengths);
  }
  letterSets[words.length] = letterSet(word);
  bigramSets[words.length] = bigramSet(word);
  wordLengths[words.length] = word.length;
  words.push(word);
}

function doubled(numbers: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(numbers.length * 2);
  larger.set(numbers);
  return larger;
}

function numberOf(numbers: Map<string, number>, text: string, added: (text: string) => void): number {
  let number = numbers.get(text);
  if (number === undefined) {
    number = numbers.size;
    numbers.set(text, number);
    added(text);
  }
  return number;
}
