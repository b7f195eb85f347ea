/**
 * The key two spellings of a name must share to match: "‘s-Heerenberg" and "'s Heerenberg",
 * "Alphen a/d Rijn" and "Alphen aan den Rijn", "St. Willebrord" and "Sint Willebrord".
 * Only [a-z0-9] and single spaces survive, so normaliseKey(normaliseKey(x)) === normaliseKey(x).
 */

const TYPOGRAPHIC_QUOTES = /[‘’‛`´′]/g;
const COMBINING_MARKS = /\p{M}/gu;
// "a/d", "a.d." and "a.d" as a whole token; must run before punctuation turns "/" into a space.
const AAN_DEN = /(?<![a-z0-9])a\s*[/.]\s*d(?![a-z0-9])\.?/g;
const TOKEN_EXPANSIONS: ReadonlyMap<string, string> = new Map([['st', 'sint']]);

// Names, organisations and places recur across sources and rows; keys are computed once. Two
// generations: when the recent keys reach the limit they become the older ones, and a key asked
// again is carried over, so the places and organisations every record repeats survive a million
// names asked once (one cache cleared at its limit computed them again and again).
let recentKeys = new Map<string, string>();
let olderKeys = new Map<string, string>();
const KNOWN_KEYS_LIMIT = 200_000;

export function normaliseKey(text: string): string {
  const recent = recentKeys.get(text);
  if (recent !== undefined) return recent;
  const key = olderKeys.get(text) ?? computeKey(text);
  if (recentKeys.size >= KNOWN_KEYS_LIMIT) {
    olderKeys = recentKeys;
    recentKeys = new Map();
  }
  recentKeys.set(text, key);
  return key;
}

/** normaliseKey without its cache: for texts seldom asked twice (a year's location names). */
export function computeKey(text: string): string {
  const plain = text
    .replace(TYPOGRAPHIC_QUOTES, "'")
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    // The Dutch ij ligature does not decompose under NFD.
    .replace(/\u0133/g, 'ij')
    .replace(AAN_DEN, ' aan den ');
  return plain
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '')
    .map((token) => TOKEN_EXPANSIONS.get(token) ?? token)
    .join(' ');
}

/**
 * "a/d" stands for both "aan de" (Krimpen aan de Lek, Horst aan de Maas) and "aan den" (Alphen aan den
 * Rijn), so a key that found nothing may be retried with the other article.
 */
export function alternativeArticleKey(key: string): string | undefined {
  if (/(^| )aan den( |$)/.test(key)) return key.replace(/(^| )aan den( |$)/g, '$1aan de$2');
  if (/(^| )aan de( |$)/.test(key)) return key.replace(/(^| )aan de( |$)/g, '$1aan den$2');
  return undefined;
}
