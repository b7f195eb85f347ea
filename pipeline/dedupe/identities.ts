/**
 * Stable location ids across years. This year's locations are matched against every location
 * of earlier years (the latest version of each id) with the same pair rules as within a year,
 * plus one rule for renames: an organisation's only location in a municipality, in both years,
 * is the same location under a new name. A location that returns after a gap gets its old id
 * back, because all earlier years are searched. An id is never given to two locations.
 *
 * A municipality that differs between years is not a different steunpunt when name, organisation
 * and place agree: lists disagree about the municipality of a place on a border ("Sociale inloop
 * Feanwâlden, gemeente Dantumadiel" one year, the place resolved to Tytsjerksteradiel the next).
 * The IZA-region and a full postcode still rule a pair out, so a name and place that two
 * municipalities share far apart (Bergen NH / Bergen L) never merge.
 *
 * A location id written in the file (the monitor's own export read back as next year's list) is
 * evidence that outranks the pair rules: the location keeps that id unless it clearly is another
 * steunpunt, i.e. both its name and its municipality differ from the earlier location's.
 */
import { hash } from 'node:crypto';
import { candidatePairs } from './candidates.ts';
import { compareIds, type ScoredPair } from './cluster.ts';
import { comparePair, judgePair, type MatchRecord, type PairDecision } from './compare.ts';

export interface PriorLocation {
  locationId: string;
  name: string;
  place: string | null;
  record: MatchRecord;
}

export interface IdentityAssignment {
  /** location id per current item id */
  ids: Map<string, string>;
  /** matches with earlier years (evidence) and doubtful ones (for review) */
  matches: ScoredPair[];
  review: ScoredPair[];
}

const RENAME_RULE = 'enige locatie van de organisatie in de gemeente (hernoemd)';
const GIVEN_ID_RULE = 'locatie-id in het bestand';
const SAME_PLACE_RULE = 'zelfde naam, organisatie en plaats; andere gemeente';

export interface CurrentLocation {
  record: MatchRecord;
  identityKey: string;
  /** The location id the file gives this location, if any. */
  givenId?: string | undefined;
}

export function assignIdentities(current: readonly CurrentLocation[], prior: readonly PriorLocation[]): IdentityAssignment {
  const priorById = new Map(prior.map((location) => [location.record.id, location]));
  const priorByLocationId = new Map(prior.map((location) => [location.locationId, location]));
  const scored = prior.length === 0 ? [] : scoredAcrossYears(current, prior);
  // By id, sorted once: a million locations take seconds to sort.
  const inOrder = [...current].sort((x, y) => compareIds(x.record.id, y.record.id));

  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const matches: ScoredPair[] = [];
  for (const item of inOrder) {
    const earlier = item.givenId === undefined ? undefined : priorByLocationId.get(item.givenId);
    if (earlier === undefined || taken.has(earlier.locationId) || clearlyAnother(item.record, earlier.record)) continue;
    ids.set(item.record.id, earlier.locationId);
    taken.add(earlier.locationId);
    matches.push({ a: item.record, b: earlier.record, decision: { outcome: 'zelfde', rule: GIVEN_ID_RULE, score: 1 } });
  }
  for (const pair of scored.filter((candidate) => candidate.decision.outcome === 'zelfde').sort(strongestFirst)) {
    const locationId = priorById.get(pair.b.id)!.locationId;
    if (ids.has(pair.a.id) || taken.has(locationId)) continue;
    ids.set(pair.a.id, locationId);
    taken.add(locationId);
    matches.push(pair);
  }
  const existing = new Set(prior.map((location) => location.locationId));
  for (const item of inOrder) {
    if (ids.has(item.record.id)) continue;
    let candidate = locationId(item.identityKey);
    for (let attempt = 2; existing.has(candidate) || taken.has(candidate); attempt += 1) {
      candidate = locationId(`${item.identityKey}#${attempt}`);
    }
    ids.set(item.record.id, candidate);
    taken.add(candidate);
  }
  const review = scored
    .filter((pair) => pair.decision.outcome === 'te beoordelen' && ids.get(pair.a.id) !== priorById.get(pair.b.id)!.locationId)
    .sort(strongestFirst);
  return { ids, matches, review };
}

/** The pairs of this year's and earlier locations, each decided by the rules across years. */
function scoredAcrossYears(current: readonly CurrentLocation[], prior: readonly PriorLocation[]): ScoredPair[] {
  const currentById = new Map(current.map((item) => [item.record.id, item]));
  const pairs = candidatePairs(
    [...current.map((item) => item.record), ...prior.map((location) => location.record)],
    { between: (record) => (currentById.has(record.id) ? 'a' : 'b') },
  );
  const onlyOfOrganisation = soleLocations(current.map((item) => item.record));
  const onlyOfOrganisationBefore = soleLocations(prior.map((location) => location.record));
  return pairs.map(([record, earlier]) => {
    return { a: record, b: earlier, decision: decideAcrossYears(record, earlier, onlyOfOrganisation, onlyOfOrganisationBefore) };
  });
}

/** A stable id derived from an identity key: the same steunpunt gets the same id in every run. */
export function locationId(identity: string): string {
  // The one-shot hash: the same SHA-256 as createHash, a fifth of its cost per id.
  return `LSP-${hash('sha256', identity, 'hex').slice(0, 10)}`;
}

function decideAcrossYears(
  current: MatchRecord,
  earlier: MatchRecord,
  onlyNow: ReadonlySet<string>,
  onlyBefore: ReadonlySet<string>,
): PairDecision {
  const decision = comparePair(current, earlier);
  if (decision.rule === 'andere gemeente' && samePlaceOtherMunicipality(current, earlier)) {
    return { outcome: 'zelfde', rule: SAME_PLACE_RULE, score: decision.score };
  }
  if (decision.outcome === 'zelfde' || decision.rule.startsWith('andere gemeente') || decision.rule === 'andere IZA-regio') {
    return decision;
  }
  const sameOrganisation =
    current.keys.organisationKey !== '' && current.keys.organisationKey === earlier.keys.organisationKey && current.gmCode !== null;
  if (sameOrganisation && current.gmCode === earlier.gmCode && onlyNow.has(current.id) && onlyBefore.has(earlier.id)) {
    return { outcome: 'zelfde', rule: RENAME_RULE, score: decision.score };
  }
  return decision;
}

/**
 * Only the municipality differs: the same place and organisation (both given), the same IZA-region
 * where both know one, and names the pair rules call the same once the municipality is set aside.
 */
function samePlaceOtherMunicipality(current: MatchRecord, earlier: MatchRecord): boolean {
  if (current.placeKey === '' || current.placeKey !== earlier.placeKey) return false;
  if (current.keys.organisationKey === '' || current.keys.organisationKey !== earlier.keys.organisationKey) return false;
  if (current.izaRegion === null || earlier.izaRegion === null || current.izaRegion !== earlier.izaRegion) return false;
  return judgePair({ ...current, gmCode: null }, { ...earlier, gmCode: null }).outcome === 'zelfde';
}

/** Another steunpunt despite the id it was given: neither its name nor its municipality is the earlier one's. */
function clearlyAnother(current: MatchRecord, earlier: MatchRecord): boolean {
  return current.keys.compactKey !== earlier.keys.compactKey && current.gmCode !== earlier.gmCode;
}

/** Ids of records that are the only one of their organisation in their municipality. */
function soleLocations(records: readonly MatchRecord[]): Set<string> {
  const byOrganisationAndPlace = new Map<string, string[]>();
  for (const record of records) {
    if (record.keys.organisationKey === '' || record.gmCode === null) continue;
    const key = `${record.gmCode}|${record.keys.organisationKey}`;
    const ids = byOrganisationAndPlace.get(key);
    if (ids === undefined) byOrganisationAndPlace.set(key, [record.id]);
    else ids.push(record.id);
  }
  return new Set([...byOrganisationAndPlace.values()].filter((ids) => ids.length === 1).flat());
}

function strongestFirst(x: ScoredPair, y: ScoredPair): number {
  return y.decision.score - x.decision.score || compareIds(x.a.id, y.a.id) || compareIds(x.b.id, y.b.id);
}
