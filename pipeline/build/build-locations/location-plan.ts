/**
 * What writing a year's locations needs of its clustering, by record position in the year's store:
 * each location's id, members and organisation, each record's location, level and compact key,
 * and the pairs to keep as evidence. No MatchRecord is kept: at a million records they, their keys
 * and word lists are most of the heap, and once the plan is made the garbage collector can take
 * them before the rows are written (the write's own garbage then fills their room instead of
 * growing the heap).
 */
import type { ScoredPair } from '../../dedupe/cluster.ts';
import type { MatchRecord, PairDecision } from '../../dedupe/compare.ts';
import { pairKey } from '../../dedupe/dedupe-year.ts';
import type { IdentityAssignment, PriorLocation } from '../../dedupe/identities.ts';

/** A pair of this year's records, by position. */
export interface PlannedPair {
  first: number;
  second: number;
  decision: PairDecision;
}

/** A pair of this year's location (its first record, by position) and an earlier year's location. */
export interface PlannedPriorPair {
  first: number;
  /** The earlier location's record id (`eerder:<location id>`). */
  item: string;
  earlier: Omit<PriorLocation, 'record'>;
  decision: PairDecision;
}

export interface LocationPlan {
  /** Per location, in the clustering's order: its id. */
  readonly locationIds: readonly string[];
  /** Per location: the first organisation its records name. */
  readonly organisations: readonly (string | undefined)[];
  /** Location `l`'s members are `memberPositions[memberStart[l]]` up to `memberStart[l + 1]`, representative first. */
  readonly memberStart: Int32Array;
  readonly memberPositions: Int32Array;
  /** Per record position: its location. */
  readonly locationAt: Int32Array;
  /** Per record position: 1 when the clustering took it as an organisation entry. */
  readonly organisationLevel: Uint8Array;
  /** Per record position: its compact name key (for its fingerprint). */
  readonly compactKeys: readonly string[];
  /** Merges, then doubts about records left in two locations; each pair once. */
  readonly withinYear: readonly PlannedPair[];
  /** Matches with earlier years, then doubtful ones. */
  readonly acrossYears: readonly PlannedPriorPair[];
}

/** A location as the clustering and the identities left it: its records, representative first. */
export interface PlannedLocation {
  record: MatchRecord;
  members: readonly MatchRecord[];
  organisation: string | undefined;
}

export function planLocations(
  count: number,
  positionOf: (record: MatchRecord) => number,
  locations: readonly PlannedLocation[],
  identities: IdentityAssignment,
  clustering: { merges: readonly ScoredPair[]; review: readonly ScoredPair[] },
  prior: readonly PriorLocation[],
): LocationPlan {
  const memberStart = new Int32Array(locations.length + 1);
  const memberPositions = new Int32Array(count);
  const locationAt = new Int32Array(count).fill(-1);
  const organisationLevel = new Uint8Array(count);
  const compactKeys = new Array<string>(count).fill('');
  const locationIds: string[] = [];
  let member = 0;
  for (const [index, location] of locations.entries()) {
    memberStart[index] = member;
    locationIds.push(identities.ids.get(location.record.id)!);
    for (const record of location.members) {
      const position = positionOf(record);
      if (locationAt[position] !== -1) throw new Error(`record ${record.id} belongs to two locations`);
      memberPositions[member] = position;
      locationAt[position] = index;
      organisationLevel[position] = record.level === 'organisatie' ? 1 : 0;
      compactKeys[position] = record.keys.compactKey;
      member += 1;
    }
  }
  memberStart[locations.length] = member;
  if (member !== count) throw new Error(`${count - member} record(s) belong to no location`);
  return {
    locationIds,
    organisations: locations.map((location) => location.organisation),
    memberStart,
    memberPositions,
    locationAt,
    organisationLevel,
    compactKeys,
    withinYear: pairsWithinYear(clustering, positionOf, locationAt),
    acrossYears: pairsAcrossYears(identities, positionOf, prior),
  };
}

/** A merge outranks a doubt about the same pair (an organisation entry absorbed after review). */
function pairsWithinYear(
  clustering: { merges: readonly ScoredPair[]; review: readonly ScoredPair[] },
  positionOf: (record: MatchRecord) => number,
  locationAt: Int32Array,
): PlannedPair[] {
  const seen = new Set<string>();
  const pairs: PlannedPair[] = [];
  for (const list of [clustering.merges, clustering.review]) {
    for (const pair of list) {
      const key = pairKey(pair.a.id, pair.b.id);
      if (seen.has(key)) continue;
      const first = positionOf(pair.a);
      const second = positionOf(pair.b);
      if (pair.decision.outcome === 'te beoordelen' && locationAt[first] === locationAt[second]) continue;
      seen.add(key);
      pairs.push({ first, second, decision: pair.decision });
    }
  }
  return pairs;
}

function pairsAcrossYears(identities: IdentityAssignment, positionOf: (record: MatchRecord) => number, prior: readonly PriorLocation[]): PlannedPriorPair[] {
  const priorById = new Map(prior.map((location) => [location.record.id, location]));
  return [...identities.matches, ...identities.review].map((pair) => {
    const { locationId, name, place } = priorById.get(pair.b.id)!;
    return { first: positionOf(pair.a), item: pair.b.id, earlier: { locationId, name, place }, decision: pair.decision };
  });
}
