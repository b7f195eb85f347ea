/**
 * What a name looks like to the matcher: the normalised key without legal forms and filler
 * words, with "ED-plaats"/"EDplaats" written one way, and a location that is
 * only called "Locatie X" or "Hoofdlocatie" read together with its organisation.
 */
import { computeKey } from '../normalise/text-key.ts';
import { oneEditApart } from './one-edit.ts';
import { organisationOf, similarTexts, wordIds, wordText, type Organisation, type WordIds } from './words.ts';

const LEGAL_FORMS = new Set(['stichting', 'vereniging', 'bv', 'cooperatie', 'vof', 'ua', 'ggz']);
/** Legal forms long enough that a slip in them ("Sticchting") is still recognisable as one. */
const LONG_LEGAL_FORMS = ['stichting', 'vereniging', 'cooperatie'];
const FILLER = new Set(['de', 'het', 'een', 'van', 'en', 'in', 'voor', 'te', 'op', 'aan', 'den', 'der', 'locatie', 'onderdeel']);
const ED_WORDS = new Set(['plaats', 'plek']);
const NO_TOKENS: readonly string[] = Object.freeze([]);
const GENERIC_NAMES = new Set(['hoofdlocatie', 'locatie', 'steunpunt', 'inloop', 'herstelcentrum']);

export interface MatchKeys {
  /** Informative tokens of the name, in order. */
  nameTokens: string[];
  /** Informative tokens of the organisation (one copy shared by the organisation's records). */
  organisationTokens: readonly string[];
  /** Organisation key for blocking and equality ('' when none). */
  organisationKey: string;
  /** Name tokens read with the organisation when the name alone says little. */
  fullTokens: string[];
  /** The full key without spaces: "Herstel Academie" and "Herstelacademie" agree here. */
  compactKey: string;
  /** The same words as numbers, for fast comparison. */
  words: WordIds;
}

export function matchTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  // Bracketed parts stay: "(Raadhuisstraat)" and "(Stadswerkplaats)" are two locations.
  // Uncached: a name is seldom asked twice within the cache's reach, and keeping a million names
  // in it cost more than their keys (an organisation's tokens are kept per text: namedOrganisation).
  const tokens = computeKey(text)
    .split(' ')
    .filter((token) => token !== '' && !LEGAL_FORMS.has(token) && !FILLER.has(token) && !isSlippedLegalForm(token));
  // "ED-plaats", "ED plaats", "ED–plaats" and "ED.plaats" are all TEAM ED's "EDplaats". Joined
  // after filtering, so a second pass finds nothing new to join (the key is idempotent).
  if (!tokens.includes('ed')) return tokens;
  const joined: string[] = [];
  tokens.forEach((token, index) => {
    if (token === 'ed' && isEdWord(tokens[index + 1] ?? '')) return;
    joined.push(index > 0 && tokens[index - 1] === 'ed' && isEdWord(token) ? `ed${ED_WORDS.has(token) ? token : 'plaats'}` : token);
  });
  return joined;
}

/** "plaats" or "plek" after "ED", also "plaats" with a slip ("ED plaaats", "ED platas"). */
function isEdWord(token: string): boolean {
  return ED_WORDS.has(token) || (token.length >= 5 && oneEditApart(token, 'plaats'));
}

function isSlippedLegalForm(token: string): boolean {
  if (token.length < 8 || token.length > 11) return false;
  for (const form of LONG_LEGAL_FORMS) if (oneEditApart(token, form)) return true;
  return false;
}

/** The name is its organisation's name, perhaps with a slip ("Stichting Meeeuwenplein" of Stichting Meeuwenplein). */
export function namedAfterOrganisation(keys: MatchKeys): boolean {
  const { fullTokens, organisationTokens } = keys;
  if (organisationTokens.length === 0 || fullTokens.length !== organisationTokens.length) return false;
  return fullTokens.every((token, index) => similarTexts(token, organisationTokens[index]!));
}

export function matchKeys(name: string, organisation: string | null | undefined): MatchKeys {
  const nameTokens = matchTokens(name);
  const named = namedOrganisation(organisation);
  const organisationTokens = named.tokens;
  const saysLittle =
    nameTokens.length === 0 ||
    GENERIC_NAMES.has(nameTokens[0] ?? '') ||
    /^\s*(hoofd)?locatie\b/i.test(name);
  const missingOrganisation = saysLittle ? organisationTokens.filter((token) => !nameTokens.includes(token)) : NO_TOKENS;
  const fullTokens = saysLittle ? [...missingOrganisation, ...nameTokens] : nameTokens;
  const compactKey = fullTokens.join('');
  const words = wordIds(fullTokens, organisationTokens, compactKey, named.organisation);
  // Every record keeps its tokens: the vocabulary's own copy of each word (all of them numbered
  // just now), not one per record, and its organisation's key and words as its other records do.
  const known = vocabularyCopies(words);
  return {
    nameTokens: fullTokens === nameTokens ? known : known.slice(missingOrganisation.length),
    organisationTokens: named.organisation?.tokens ?? NO_TOKENS,
    organisationKey: named.organisation?.key ?? '',
    fullTokens: known,
    compactKey,
    words,
  };
}

/** The full tokens as the vocabulary holds them. */
function vocabularyCopies(words: WordIds): string[] {
  const copies = new Array<string>(words.fullEnd - words.start);
  for (let at = words.start; at < words.fullEnd; at += 1) copies[at - words.start] = wordText(words.store[at]!);
  return copies;
}

interface NamedOrganisation {
  tokens: readonly string[];
  organisation: Organisation | undefined;
}

const NO_ORGANISATION: NamedOrganisation = { tokens: NO_TOKENS, organisation: undefined };
/** Many records name one organisation, written the same: its tokens are found once per text. */
const organisationsByText = new Map<string, NamedOrganisation>();

function namedOrganisation(text: string | null | undefined): NamedOrganisation {
  if (!text) return NO_ORGANISATION;
  const known = organisationsByText.get(text);
  if (known !== undefined) return known;
  const tokens = matchTokens(text);
  const named = { tokens, organisation: organisationOf(tokens) };
  organisationsByText.set(text, named);
  return named;
}
