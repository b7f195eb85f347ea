/**
 * Looks up a municipality or place written as text and answers with one current CBS code, with
 * "ambiguous" (several candidates, none is picked) or with "not found". Every index maps a text
 * key (normaliseKey) to the set of current codes it can mean; a key with more than one code never
 * resolves.
 */
import { currentMunicipalities, MUNICIPALITY_YEARS, type ReferenceData } from '../../sources/reference/load.ts';
import { MUNICIPALITY_ALIASES } from './municipality-aliases.ts';
import type { CurrentCodes } from './municipality-succession.ts';
import { alternativeArticleKey, normaliseKey } from './text-key.ts';

/** Which list a name was found in. */
export type NameSource = 'gemeentenaam' | 'oude-gemeentenaam' | 'alias' | 'plaatsnaam';

export type TextMatch =
  | { kind: 'found'; gmCode: string; source: NameSource; /** Set when the text was read as "a / b". */ parts?: string[] }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'not-found' };

export interface NameIndex {
  /** Municipality field: current names, former names, aliases, then place names. */
  lookupMunicipality(text: string): TextMatch;
  /** Place field: place names, then current names, former names and aliases. */
  lookupPlace(text: string): TextMatch;
}

/**
 * A place whose PC4 points lie in several municipalities is taken as the one municipality that holds
 * at least this share of them, but only when every stray point still carries that municipality's
 * 2014 name: then it is a border geocode (cbs/SOURCES.md, pc4_centroids.csv), as Amsterdam's point
 * in Ouder-Amstel. A stray point with another 2014 municipality is another village of the same
 * name (Hengelo in Bronckhorst), and the place stays ambiguous.
 */
export const PLACE_MAJORITY_SHARE = 0.9;

type KeyIndex = ReadonlyMap<string, ReadonlySet<string>>;

export function createNameIndex(reference: ReferenceData, currentCodes: CurrentCodes): NameIndex {
  const current = new Set(currentMunicipalities(reference).rows.map((row) => row.gm_code));
  const currentNames = new Map<string, Set<string>>();
  const formerNames = new Map<string, Set<string>>();

  for (const year of MUNICIPALITY_YEARS) {
    for (const row of reference.municipalities.get(year) ?? []) {
      if (current.has(row.gm_code)) addName(currentNames, row.name, [row.gm_code]);
      else addName(formerNames, row.name, codesOf(currentCodes, row.gm_code));
    }
  }
  for (const change of reference.changes) addName(formerNames, change.old_name, codesOf(currentCodes, change.old_gm_code));

  const aliases = new Map<string, Set<string>>();
  for (const { alias, gmCode } of MUNICIPALITY_ALIASES) {
    if (!current.has(gmCode)) throw new Error(`gemeente-alias '${alias}' wijst naar ${gmCode}, geen huidige gemeentecode`);
    addName(aliases, alias, [gmCode]);
  }
  const places = placeIndex(reference);

  const municipalityOrder: readonly [NameSource, KeyIndex][] = [
    ['gemeentenaam', currentNames],
    ['oude-gemeentenaam', formerNames],
    ['alias', aliases],
    ['plaatsnaam', places],
  ];
  const placeOrder: readonly [NameSource, KeyIndex][] = [
    ['plaatsnaam', places],
    ['gemeentenaam', currentNames],
    ['oude-gemeentenaam', formerNames],
    ['alias', aliases],
  ];
  return {
    lookupMunicipality: (text) => lookupWithSlashParts(text, municipalityOrder),
    lookupPlace: (text) => lookupWithSlashParts(text, placeOrder),
  };
}

function codesOf(currentCodes: CurrentCodes, gmCode: string): string[] {
  return currentCodes(gmCode).map((part) => part.gmCode);
}

/** Adds a name under its full key and, for "Hengelo (O.)", also under the key without the suffix. */
function addName(index: Map<string, Set<string>>, name: string, gmCodes: readonly string[]): void {
  const withoutSuffix = name.replace(/\s*\([^)]*\)\s*$/, '');
  for (const key of new Set([normaliseKey(name), normaliseKey(withoutSuffix)])) {
    if (key === '') continue;
    const codes = index.get(key) ?? new Set<string>();
    for (const gmCode of gmCodes) codes.add(gmCode);
    index.set(key, codes);
  }
}

/** woonplaats → the municipality of its PC4 points, or all of them when the points disagree. */
function placeIndex(reference: ReferenceData): KeyIndex {
  const pointsPerPlace = new Map<string, { gmCode: string; municipality2014: string }[]>();
  for (const row of reference.pc4) {
    const key = normaliseKey(row.woonplaats);
    const points = pointsPerPlace.get(key) ?? [];
    points.push({ gmCode: row.gm_code, municipality2014: normaliseKey(row.gemeente_2014) });
    pointsPerPlace.set(key, points);
  }
  const index = new Map<string, Set<string>>();
  for (const [key, points] of pointsPerPlace) {
    const codes = new Set(points.map((point) => point.gmCode));
    const majority = [...codes].find(
      (code) => points.filter((point) => point.gmCode === code).length / points.length >= PLACE_MAJORITY_SHARE,
    );
    index.set(key, majority !== undefined && onlyBorderNoise(points, majority) ? new Set([majority]) : codes);
  }
  return index;
}

function onlyBorderNoise(points: readonly { gmCode: string; municipality2014: string }[], majority: string): boolean {
  const majorityNames = new Set(points.filter((point) => point.gmCode === majority).map((point) => point.municipality2014));
  return points.every((point) => point.gmCode === majority || majorityNames.has(point.municipality2014));
}

/**
 * "Dongeradeel / Dokkum": when the whole text is not found, each part is looked up. The parts that
 * are found must agree on one code, and a part that is ambiguous must have that code among its
 * candidates; anything else is ambiguous.
 */
function lookupWithSlashParts(text: string, order: readonly [NameSource, KeyIndex][]): TextMatch {
  const whole = lookupText(text, order);
  // "a/d" is an abbreviation, not a separator.
  const parts = text
    .replace(/(?<![\p{L}\p{N}])a\s*\/\s*d(?![\p{L}\p{N}])/giu, 'a.d.')
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (whole.kind !== 'not-found' || parts.length < 2) return whole;

  const matches = parts.map((part) => lookupText(part, order));
  const found = matches.filter((match) => match.kind === 'found');
  const foundCodes = new Set(found.map((match) => match.gmCode));
  const [first] = found;
  if (first === undefined) return whole;
  const ambiguousCandidates = matches.flatMap((match) => (match.kind === 'ambiguous' ? [match.candidates] : []));
  const agreed = foundCodes.size === 1 && ambiguousCandidates.every((candidates) => candidates.includes(first.gmCode));
  if (!agreed) return { kind: 'ambiguous', candidates: [...new Set([...foundCodes, ...ambiguousCandidates.flat()])].sort() };
  return { kind: 'found', gmCode: first.gmCode, source: first.source, parts };
}

function lookupText(text: string, order: readonly [NameSource, KeyIndex][]): TextMatch {
  const key = normaliseKey(text);
  if (key === '') return { kind: 'not-found' };
  const alternative = alternativeArticleKey(key);
  for (const candidateKey of alternative === undefined ? [key] : [key, alternative]) {
    for (const [source, index] of order) {
      const codes = index.get(candidateKey);
      if (codes === undefined || codes.size === 0) continue;
      const [only] = codes;
      if (codes.size === 1 && only !== undefined) return { kind: 'found', gmCode: only, source };
      return { kind: 'ambiguous', candidates: [...codes].sort() };
    }
  }
  return { kind: 'not-found' };
}
