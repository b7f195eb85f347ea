/**
 * Resolves a location to a current CBS municipality, never by guessing: postcode, then CBS code,
 * then municipality text, then place text. A text that can mean several municipalities does not
 * resolve. When nothing resolves but a valid IZA-regio is given, the location is kept in its region.
 *
 * A place that does not lie in the written municipality: the written municipality wins (a postcode
 * still outranks both), the same way every year, and the mismatch becomes the signal "plaats ligt
 * niet in gemeente" (place-outside-municipality.ts). Why the written municipality: the one such row
 * of the 2024 list, "Feanwâlden, gemeente Dantumadiel", is placed in Tytsjerksteradiel only by the
 * one geocoded point of PC4 9269, while that same row of pc4_centroids.csv gives Dantumadiel as its
 * 2014 municipality; the place is the weaker evidence. Identity across
 * years does not depend on this choice (pipeline/dedupe/identities.ts).
 */
import { currentMunicipalities, MUNICIPALITY_YEARS, type ReferenceData } from '../../sources/reference/load.ts';
import { createIzaRegionIndex, type IzaRegionIndex } from './iza-region.ts';
import { createCurrentCodes, type CodeShare } from './municipality-succession.ts';
import { createNameIndex, type NameSource, type TextMatch } from './name-index.ts';

export type { CodeShare } from './municipality-succession.ts';

export interface LocationInput {
  postcode?: string;
  gmCode?: string;
  municipality?: string;
  place?: string;
  izaRegion?: string;
}

export type ResolutionBasis = 'postcode' | 'gemeentecode' | 'gemeente' | 'gemeente-fusie' | 'plaats';
export type LocationField = 'postcode' | 'gemeentecode' | 'gemeente' | 'plaats' | 'iza_regio';

export type Resolution =
  | {
      kind: 'resolved';
      gmCode: string;
      municipalityName: string;
      province: string;
      izaRegion: string | null;
      basis: ResolutionBasis;
      note?: string;
    }
  | { kind: 'region-only'; izaRegion: string; province: string; reason: string }
  | { kind: 'unresolved'; field: LocationField; reason: string };

export interface MunicipalityResolver {
  resolve(input: LocationInput): Resolution;
  currentCodes(gmCode: string): CodeShare[];
}

type Found = { kind: 'found'; gmCode: string; basis: ResolutionBasis; note?: string };
type Failure = { kind: 'failed'; field: LocationField; reason: string };
/** What one input field says: a municipality, a failure to report, or nothing (field empty). */
type StepOutcome = Found | Failure | undefined;
/** A step's label ("plaats 'Dokkum'") is made only when a message needs it. */
type Step = { field: string; value: string | undefined; outcome: StepOutcome };

const BASIS_BY_SOURCE: Record<NameSource, ResolutionBasis> = {
  gemeentenaam: 'gemeente',
  'oude-gemeentenaam': 'gemeente-fusie',
  alias: 'gemeente',
  plaatsnaam: 'plaats',
};

export function createMunicipalityResolver(reference: ReferenceData): MunicipalityResolver {
  const division = new Map(currentMunicipalities(reference).rows.map((row) => [row.gm_code, row]));
  const anyName = namesOfAllCodes(reference);
  const currentCodes = createCurrentCodes(reference);
  const names = createNameIndex(reference, currentCodes);
  const regions = createIzaRegionIndex(reference);
  const pc4ToCode = new Map(reference.pc4.map((row) => [row.pc4, row.gm_code]));

  const nameOf = (gmCode: string) => division.get(gmCode)?.name ?? anyName.get(gmCode) ?? gmCode;
  const described = (gmCodes: readonly string[], conjunction: 'en' | 'of') =>
    listInDutch(gmCodes.map((code) => `${nameOf(code)} (${code})`), conjunction);

  const byPostcode = (postcode: string): Found | Failure => {
    const pc4 = /^\s*(\d{4})(\s*[a-zA-Z]{2})?\s*$/.exec(postcode)?.[1];
    if (pc4 === undefined) return failed('postcode', `postcode '${postcode}' is geen Nederlandse postcode`);
    const gmCode = pc4ToCode.get(pc4);
    if (gmCode === undefined) return failed('postcode', `postcode '${postcode}' niet gevonden in de PC4-tabel`);
    return found(gmCode, 'postcode');
  };

  const byGmCode = (written: string): Found | Failure => {
    const gmCode = written.toUpperCase();
    const receivers = currentCodes(gmCode).map((part) => part.gmCode);
    const [only] = receivers;
    if (only === undefined) return failed('gemeentecode', `gemeentecode '${written}' niet gevonden`);
    if (receivers.length > 1) {
      const split = `gemeentecode ${gmCode} (${nameOf(gmCode)}) is verdeeld over ${described(receivers, 'en')}; niet eenduidig`;
      return failed('gemeentecode', split);
    }
    if (only === gmCode) return found(only, 'gemeentecode');
    return found(only, 'gemeentecode', `gemeentecode ${gmCode} (${nameOf(gmCode)}) is opgegaan in ${nameOf(only)} (${only})`);
  };

  const byText = (field: 'gemeente' | 'plaats', written: string, match: TextMatch): Found | Failure => {
    if (match.kind === 'not-found') return failed(field, `${field} '${written}' niet gevonden`);
    if (match.kind === 'ambiguous') {
      return failed(field, `${field} '${written}' is niet eenduidig: ${described(match.candidates, 'of')}`);
    }
    return found(match.gmCode, BASIS_BY_SOURCE[match.source], textMatchNote(field, written, match, nameOf(match.gmCode)));
  };

  /** "Gemeente Utrecht" is the municipality Utrecht, when the whole text is not a name itself. */
  const byMunicipalityText = (written: string): Found | Failure => {
    const match = names.lookupMunicipality(written);
    const withoutWord = MUNICIPALITY_WORD.exec(written)?.[1];
    if (match.kind !== 'not-found' || withoutWord === undefined) return byText('gemeente', written, match);
    return byText('gemeente', withoutWord, names.lookupMunicipality(withoutWord));
  };

  // A list repeats a few thousand codes, municipalities and places over all its rows (and the
  // build reads them again): what such a text says is worked out once. Postcodes are nearly
  // unique per row and cheap to read, so they are not kept.
  const byGmCodeOnce = remembered(byGmCode);
  const byMunicipalityOnce = remembered(byMunicipalityText);
  const byPlaceOnce = remembered((text: string) => byText('plaats', text, names.lookupPlace(text)));

  /** One step per input field, strongest evidence first. */
  const readSteps = (input: LocationInput): Step[] => [
    step('postcode', given(input.postcode), byPostcode),
    step('gemeentecode', given(input.gmCode), byGmCodeOnce),
    step('gemeente', given(input.municipality), byMunicipalityOnce),
    step('plaats', given(input.place), byPlaceOnce),
  ];

  /** The steps before the winner failed or were empty; the steps after it may contradict it. */
  const resolvedBy = (steps: readonly Step[], winnerIndex: number, { gmCode, basis, note }: Found, izaRegion: string | undefined): Resolution => {
    const row = division.get(gmCode);
    if (row === undefined) throw new Error(`${gmCode} ontbreekt in de huidige gemeentelijke indeling`);
    const region = regions.regionOf(gmCode);
    const notes: string[] = [];
    for (let index = 0; index < winnerIndex; index += 1) {
      const outcome = steps[index]?.outcome;
      if (outcome?.kind === 'failed') notes.push(outcome.reason);
    }
    if (note !== undefined) notes.push(note);
    for (let index = winnerIndex + 1; index < steps.length; index += 1) {
      const later = steps[index];
      const outcome = later?.outcome;
      if (later === undefined || outcome?.kind !== 'found' || outcome.gmCode === gmCode) continue;
      notes.push(`${labelOf(later)} wijst naar ${nameOf(outcome.gmCode)} (${outcome.gmCode}); ${labelOf(steps[winnerIndex]!)} gaat voor`);
    }
    if (izaRegion !== undefined) notes.push(...regionNotes(regions, izaRegion, region));
    const resolved: Resolution = { kind: 'resolved', gmCode, municipalityName: row.name, province: row.province, izaRegion: region, basis };
    if (notes.length > 0) resolved.note = notes.join('; ');
    return resolved;
  };

  const notResolved = (failures: readonly Failure[], izaRegion: string | undefined): Resolution => {
    const reasons = failures.map((failure) => failure.reason);
    const region = izaRegion === undefined ? null : regions.canonical(izaRegion);
    if (region !== null) {
      const why = reasons.length === 0 ? 'geen gemeente of plaats opgegeven' : reasons.join('; ');
      return { kind: 'region-only', izaRegion: region, province: regions.province(region), reason: `gemeente onbekend: ${why}` };
    }
    const regionReason = izaRegion === undefined ? 'ook geen IZA-regio opgegeven' : `IZA-regio '${izaRegion}' onbekend`;
    if (reasons.length === 0) reasons.push('geen postcode, gemeentecode, gemeente of plaats opgegeven');
    const field = failures[0]?.field ?? (izaRegion === undefined ? 'gemeente' : 'iza_regio');
    return { kind: 'unresolved', field, reason: [...reasons, regionReason].join('; ') };
  };

  const resolve = (input: LocationInput): Resolution => {
    const steps = readSteps(input);
    const izaRegion = given(input.izaRegion);
    const winnerIndex = steps.findIndex((step) => step.outcome?.kind === 'found');
    const winner = steps[winnerIndex]?.outcome;
    if (winner?.kind !== 'found') return notResolved(failuresOf(steps), izaRegion);
    return resolvedBy(steps, winnerIndex, winner, izaRegion);
  };

  return { resolve, currentCodes };
}

/** Bounds each memo of remembered(): far above the texts of any list, and a bound on hostile ones. */
const REMEMBERED_LIMIT = 50_000;

/** `read` computed once per text; its outcomes are plain values that nothing changes. */
function remembered(read: (text: string) => Found | Failure): (text: string) => Found | Failure {
  const known = new Map<string, Found | Failure>();
  return (text) => {
    const outcome = known.get(text);
    if (outcome !== undefined) return outcome;
    if (known.size >= REMEMBERED_LIMIT) known.clear();
    const fresh = read(text);
    known.set(text, fresh);
    return fresh;
  };
}

/** The word "gemeente" (or "gem.") before a municipality's name. */
const MUNICIPALITY_WORD = /^\s*(?:gemeente|gem\.)\s+(.+)$/i;

function found(gmCode: string, basis: ResolutionBasis, note?: string): Found {
  return { kind: 'found', gmCode, basis, ...(note === undefined ? {} : { note }) };
}

function step(field: string, value: string | undefined, read: (value: string) => StepOutcome): Step {
  return { field, value, outcome: value === undefined ? undefined : read(value) };
}

function labelOf({ field, value }: Step): string {
  return `${field} '${value}'`;
}

function failed(field: LocationField, reason: string): Failure {
  return { kind: 'failed', field, reason };
}

function failuresOf(steps: readonly Step[]): Failure[] {
  return steps.flatMap(({ outcome }) => (outcome?.kind === 'failed' ? [outcome] : []));
}

function given(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function textMatchNote(
  field: 'gemeente' | 'plaats',
  written: string,
  match: Extract<TextMatch, { kind: 'found' }>,
  name: string,
): string | undefined {
  if (match.parts !== undefined) {
    return `'${written}' gelezen als gemeente ${name} (delen: ${match.parts.map((part) => `'${part}'`).join(', ')})`;
  }
  switch (match.source) {
    case 'oude-gemeentenaam':
      return `gemeente '${written}' is opgegaan in ${name}`;
    case 'alias':
      return `'${written}' gelezen als gemeente ${name}`;
    case 'plaatsnaam':
      return field === 'gemeente' ? `plaatsnaam '${written}' gelezen als gemeente ${name}` : undefined;
    case 'gemeentenaam':
      return field === 'plaats' ? `plaats '${written}' is een gemeentenaam` : undefined;
  }
}

function regionNotes(regions: IzaRegionIndex, written: string | undefined, regionOfMunicipality: string | null): string[] {
  if (written === undefined) return [];
  const canonical = regions.canonical(written);
  if (canonical === null) return [`IZA-regio '${written}' onbekend`];
  if (regionOfMunicipality !== null && canonical !== regionOfMunicipality) {
    return [`opgegeven IZA-regio '${written}' wijkt af van de regio van de gemeente (${regionOfMunicipality})`];
  }
  return [];
}

/** Any name a code ever had in the bundled lists, for messages about former codes. */
function namesOfAllCodes(reference: ReferenceData): Map<string, string> {
  const names = new Map<string, string>();
  for (const change of reference.changes) names.set(change.old_gm_code, change.old_name);
  for (const year of MUNICIPALITY_YEARS) {
    for (const row of reference.municipalities.get(year) ?? []) names.set(row.gm_code, row.name);
  }
  return names;
}

function listInDutch(items: readonly string[], conjunction: 'en' | 'of'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}
