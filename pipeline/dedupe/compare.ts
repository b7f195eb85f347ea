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
  const score = roundScore(jaroWinkler(a.keys.compactKey, b.keys.compactKey));
  const conflict = hardConflict(a, b);
  if (conflict) return { outcome: 'verschillend', rule: conflict, score };

  const samePostcode = a.postcode !== null && a.postcode.length === 7 && a.postcode === b.postcode;
  const organisationsDiffer = organisationConflict(a.keys, b.keys);
  if (a.keys.compactKey !== '' && a.keys.compactKey === b.keys.compactKey) {
    if (organisationsDiffer) return { outcome: 'te beoordelen', rule: 'zelfde naam, andere organisatie', score };
    return { outcome: 'zelfde', rule: 'zelfde naam', score };
  }
  if (organisationsDiffer) {
    return samePostcode
      ? { outcome: 'te beoordelen', rule: 'zelfde postcode, andere organisatie', score }
      : { outcome: 'verschillend', rule: 'andere organisatie', score };
  }
  const contained = containedIn(a.keys, b.keys) || containedIn(b.keys, a.keys);
  if (contained) {
    const placesDiffer = a.placeKey !== '' && b.placeKey !== '' && a.placeKey !== b.placeKey && !samePostcode;
    return placesDiffer
      ? { outcome: 'te beoordelen', rule: 'naam komt overeen, andere plaats', score }
      : { outcome: 'zelfde', rule: samePostcode ? 'naam komt overeen, zelfde postcode' : 'naam komt overeen', score };
  }
  if (a.level === 'organisatie' || b.level === 'organisatie') {
    const [organisation, location] = a.level === 'organisatie' ? [a, b] : [b, a];
    if (tokensCovered(organisation.keys.fullTokens, location.keys.organisationTokens)) {
      return { outcome: 'zelfde', rule: 'organisatie gedekt door haar locatie', score };
    }
  }
  if (samePostcode && sharesToken(a.keys.fullTokens, b.keys.fullTokens)) {
    return { outcome: 'te beoordelen', rule: 'zelfde postcode, andere naam', score };
  }
  if (score >= REVIEW_SIMILARITY && onlyOneWordDiffers(a.keys, b.keys)) {
    return { outcome: 'te beoordelen', rule: 'namen lijken op elkaar', score };
  }
  return { outcome: 'verschillend', rule: 'andere naam', score };
}

/**
 * Names that differ in one word each, and those words look alike: a typo or a rename
 * ("Herstelcafé X" / "Herstelpunt X"). Names that each carry words of their own
 * ("EDplaats Noord de Banne" / "EDplaats Noord Molenwijk") are two locations.
 */
function onlyOneWordDiffers(a: MatchKeys, b: MatchKeys): boolean {
  const own = (of: MatchKeys, other: MatchKeys) => {
    const within = [...other.fullTokens, ...other.organisationTokens];
    return of.fullTokens.filter((token) => !within.some((candidate) => similarTokens(token, candidate)));
  };
  const [onlyA, onlyB] = [own(a, b), own(b, a)];
  return onlyA.length === 1 && onlyB.length === 1 && jaroWinkler(onlyA[0]!, onlyB[0]!) >= RENAME_WORD_SIMILARITY;
}

/** Facts that rule out a match whatever the names say. */
export function hardConflict(a: MatchRecord, b: MatchRecord): string | undefined {
  if (a.gmCode !== null && b.gmCode !== null && a.gmCode !== b.gmCode) return 'andere gemeente';
  if (a.izaRegion !== null && b.izaRegion !== null && a.izaRegion !== b.izaRegion) return 'andere IZA-regio';
  // Two full postcodes are two addresses; a bare PC4 is an area that sources fill in differently.
  const full = (postcode: string | null) => (postcode !== null && postcode.length === 7 ? postcode : null);
  if (full(a.postcode) !== null && full(b.postcode) !== null && full(a.postcode) !== full(b.postcode)) return 'andere postcode';
  return undefined;
}

function organisationConflict(a: MatchKeys, b: MatchKeys): boolean {
  if (a.organisationKey === '' || b.organisationKey === '') return false;
  if (sharesToken(a.organisationTokens, b.organisationTokens)) return false;
  const compactA = a.organisationTokens.join('');
  const compactB = b.organisationTokens.join('');
  if (compactA.includes(compactB) || compactB.includes(compactA)) return false;
  // A location named after itself ("Herstelruimte Emmen") may carry its own name as organisation.
  if (tokensCovered(a.organisationTokens, b.fullTokens) || tokensCovered(b.organisationTokens, a.fullTokens)) return false;
  return jaroWinkler(compactA, compactB) < TOKEN_SIMILARITY;
}

/**
 * Every informative word of `inner`'s name occurs in `outer`'s name or organisation, and so does
 * `inner`'s organisation: "Locatie Tilburg" of Fameus is not "Locaties Tilburg (Het Kiemuur)".
 */
function containedIn(inner: MatchKeys, outer: MatchKeys): boolean {
  const within = [...outer.fullTokens, ...outer.organisationTokens];
  const ownTokens = inner.fullTokens.filter((token) => !inner.organisationTokens.includes(token));
  const nameTokens = ownTokens.length > 0 ? ownTokens : inner.fullTokens;
  const organisationFound = inner.organisationTokens.length === 0 || tokensCovered(inner.organisationTokens, within);
  return tokensCovered(nameTokens, within) && organisationFound && sharesToken(inner.fullTokens, outer.fullTokens);
}

function tokensCovered(tokens: readonly string[], within: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  const compactWithin = within.join('');
  return tokens.every((token) => within.some((other) => similarTokens(token, other)) || (token.length >= 6 && compactWithin.includes(token)));
}

function sharesToken(a: readonly string[], b: readonly string[]): boolean {
  return a.some((token) => b.some((other) => similarTokens(token, other)));
}

/** Word pairs recur across thousands of candidate pairs; their similarity is computed once. */
const tokenSimilarity = new Map<string, boolean>();
const TOKEN_CACHE_LIMIT = 500_000;

function similarTokens(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  const known = tokenSimilarity.get(key);
  if (known !== undefined) return known;
  if (tokenSimilarity.size >= TOKEN_CACHE_LIMIT) tokenSimilarity.clear();
  const similar = jaroWinkler(a, b) >= TOKEN_SIMILARITY;
  tokenSimilarity.set(key, similar);
  return similar;
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
