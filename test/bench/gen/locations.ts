/**
 * The true steunpunten behind a synthetic inventory: where each is, what it is called, who runs
 * it, how big it is, and in which of the three sources it is listed (1, 2 or 3 of them).
 */
import type { Municipality, Geography, Pc4Point } from './places.ts';
import { createPhraseAllocator, type PhraseAllocator } from './phrases.ts';
import { shuffled, type Random } from './random.ts';
import { LOCATION_KINDS, PROVIDERS, type LocationKind } from './vocabulary.ts';

export const SOURCE_IDS = ['a', 'b', 'c'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** Share of locations listed by exactly 1, 2 and 3 sources. */
export const LISTED_BY = { one: 0.45, two: 0.35, three: 0.2 } as const;

export interface TrueLocation {
  truthId: string;
  municipality: Municipality;
  point: Pc4Point | null;
  /** "1234 AB" */
  postcode: string | null;
  address: string;
  kind: LocationKind;
  name: string;
  organisation: string | null;
  status: 'actief' | 'potentieel' | 'gesloten';
  visitorsPerWeek: number;
  dagdelenPerWeek: number;
  website: string | null;
  sources: readonly SourceId[];
}

/** Locations until their listings add up to `records` rows. */
export function generateLocations(records: number, geography: Geography, words: readonly string[], random: Random): TrueLocation[] {
  const drafts: { municipality: Municipality; sources: SourceId[] }[] = [];
  let listed = 0;
  const placement = random.fork('placement');
  while (listed < records) {
    const wanted = listingCount(placement);
    const sources = shuffled(SOURCE_IDS, placement).slice(0, Math.min(wanted, records - listed));
    const municipality = geography.municipalities[placement.weighted(geography.cumulativeWeights)]!;
    drafts.push({ municipality, sources: [...sources].sort() });
    listed += sources.length;
  }

  const perMunicipality = new Map<string, number>();
  for (const draft of drafts) perMunicipality.set(draft.municipality.gmCode, (perMunicipality.get(draft.municipality.gmCode) ?? 0) + 1);
  const allocators = new Map<string, PhraseAllocator>();
  const allocatorOf = (municipality: Municipality) => {
    let allocator = allocators.get(municipality.gmCode);
    if (allocator === undefined) {
      const count = perMunicipality.get(municipality.gmCode) ?? 0;
      allocator = createPhraseAllocator(words, municipality.villages, count, random.fork(`phrases/${municipality.gmCode}`));
      allocators.set(municipality.gmCode, allocator);
    }
    return allocator;
  };
  const providersOf = regionalProviders(geography, random.fork('providers'));
  const cumulativeKinds = running(LOCATION_KINDS.map((kind) => kind.weight));
  const details = random.fork('details');

  return drafts.map((draft, index) => {
    const { municipality } = draft;
    const kind = LOCATION_KINDS[details.weighted(cumulativeKinds)]!;
    // A foundation is not named after its village ("Stichting Dokkum"); a Sociale inloop often is.
    const phrase = allocatorOf(municipality).next(kind.runBy !== 'self');
    const name = `${kind.label} ${phrase.text}`;
    const inVillage = phrase.village === undefined ? [] : municipality.points.filter((point) => point.woonplaats === phrase.village);
    const candidates = inVillage.length > 0 ? inVillage : municipality.points;
    const point = candidates.length > 0 ? details.pick(candidates) : null;
    const organisation = organisationOf(kind, name, municipality, providersOf, details);
    return {
      truthId: `T${String(index + 1).padStart(7, '0')}`,
      municipality,
      point,
      postcode: point === null ? null : `${point.pc4} ${letter(details)}${letter(details)}`,
      address: `${details.pick(words).replace(/^(De|Het) /, '')}straat ${1 + details.int(180)}`.replace(/(hof|plein|laan|kade|singel)straat/, '$1'),
      kind,
      name,
      organisation,
      status: details.chance(0.96) ? 'actief' : details.chance(0.75) ? 'potentieel' : 'gesloten',
      visitorsPerWeek: 10 + details.int(160),
      dagdelenPerWeek: 1 + details.int(10),
      website: organisation === null ? null : `https://www.${organisation.toLowerCase().replace(/^stichting /, '').replace(/[^a-z0-9]+/g, '')}.nl`,
      sources: draft.sources,
    };
  });
}

function listingCount(random: Random): number {
  const draw = random.next();
  return draw < LISTED_BY.one ? 1 : draw < LISTED_BY.one + LISTED_BY.two ? 2 : 3;
}

function organisationOf(
  kind: LocationKind,
  name: string,
  municipality: Municipality,
  providersOf: (region: string | null) => readonly string[],
  random: Random,
): string | null {
  if (kind.runBy === 'self') return name;
  if (random.chance(0.15)) return null;
  switch (kind.runBy) {
    case 'provider':
      return random.pick(providersOf(municipality.izaRegion));
    case 'welzijn':
      return welzijnOf(municipality);
    case 'team-ed':
      return 'TEAM ED';
    case 'zelfregie':
      return `Stichting Zelfregie ${municipality.izaRegion ?? municipality.name}`.replace(/\s*\/\s*/g, ' ').replace(/\s*\(.*\)$/, '');
    case 'none':
      return null;
  }
}

/** The local welfare foundation, one per municipality, in one of the usual forms. */
function welzijnOf(municipality: Municipality): string {
  const forms = [`Stichting Welzijn ${municipality.name}`, `${municipality.name} Welzijn`, `Welzijnswerk ${municipality.name}`];
  return forms[Number(municipality.gmCode.slice(2)) % forms.length]!;
}

/** Each IZA-region is served by three providers. */
function regionalProviders(geography: Geography, random: Random): (region: string | null) => readonly string[] {
  const regions = [...new Set(geography.municipalities.map((municipality) => municipality.izaRegion ?? ''))].sort();
  const byRegion = new Map(regions.map((region) => [region, shuffled(PROVIDERS, random).slice(0, 3)]));
  return (region) => byRegion.get(region ?? '') ?? PROVIDERS.slice(0, 3);
}

function running(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

function letter(random: Random): string {
  return String.fromCharCode(65 + random.int(26));
}
