/**
 * One year's records into groups, each one steunpunt: candidate pairs by blocking, every pair
 * judged by the rules in compare.ts, people's verdicts applied, groups formed without chaining.
 * An organisation listed without its locations is covered by its locations in the same region
 * when a source lists them; otherwise it counts as one location (De Galan: "geteld als 1").
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { BlockIndex } from './candidates.ts';
import { clusterRecords, type Clustering } from './cluster.ts';
import { HardConflicts, judgePair, judgeWithoutConflict, nameSimilarity, type MatchRecord } from './compare.ts';
import { JudgedPairs } from './dedupe-year/judged-pairs.ts';
import { PersonVerdicts, type VerdictRow } from './dedupe-year/person-verdicts.ts';
import { markPhase } from '../phase-mark.ts';
import { namedAfterOrganisation } from './match-key.ts';

const MATCH_VERDICTS = sql('dedupe/dedupe-year/match-verdicts.sql');

const COVERED_BY_LOCATIONS = 'organisatie gedekt door haar locaties in de regio';
const AMBIGUOUS = 'past bij meer dan één locatie van de andere bron';

export async function dedupeYear(database: MonitorDatabase, listed: readonly MatchRecord[]): Promise<Clustering> {
  const recognised = withOrganisationEntriesRecognised(listed);
  const verdicts = await loadVerdicts(database);
  const { records, pairs, people } = judgedPairs(recognised, verdicts);
  withAmbiguityReviewed(records, pairs);
  markPhase('dedupe.clustering');
  const clustering = clusterRecords(records, pairs, (first, second) => people.of(first, second));
  return absorbOrganisationEntries(clustering);
}

/**
 * The candidate pairs that are not judged different (and those a person decided), by position in
 * `records` (the records in id order). Most candidate pairs are judged different; a hard conflict
 * (another municipality, region or postcode) is known before any name is compared. The block
 * index is dropped on return: at a million records it holds millions of block entries the
 * clustering has no use for.
 */
function judgedPairs(listed: readonly MatchRecord[], verdicts: readonly VerdictRow[]): { records: readonly MatchRecord[]; pairs: JudgedPairs; people: PersonVerdicts } {
  markPhase('dedupe.candidates');
  const index = new BlockIndex(listed);
  const { records } = index;
  const people = new PersonVerdicts(verdicts, records);
  const conflicts = new HardConflicts(records);
  markPhase('dedupe.scoring');
  const pairs = new JudgedPairs();
  index.forEachPair((first, second) => {
    const conflict = conflicts.between(first, second);
    if (conflict && !people.decided(first, second)) return;
    pairs.candidates += 1;
    const left = records[first]!;
    const right = records[second]!;
    const judged = conflict ? judgePair(left, right) : judgeWithoutConflict(left, right);
    if (judged.outcome === 'verschillend' && !people.decided(first, second)) return;
    pairs.push(first, second, judged.outcome, judged.rule, nameSimilarity(left, right));
    // The order pairs are judged in changes nothing: clustering takes them strongest first, ties by position.
  }, true);
  markPhase('dedupe.scored', { candidatePairs: pairs.candidates });
  return { records, pairs, people };
}

/**
 * A source may list an organisation where others list its locations (NVZH's member list names
 * "Stjoer" where MIND lists Stjoer's 21 walk-ins). A record whose name is, in its region, the
 * organisation of other sources' records named otherwise stands for that organisation.
 */
function withOrganisationEntriesRecognised(records: readonly MatchRecord[]): MatchRecord[] {
  const parents = new Map<string, Set<string>>();
  for (const record of records) {
    // A record named after its organisation, even with a slip, is that organisation, not one of its locations.
    if (record.keys.organisationKey === '' || namedAfterOrganisation(record.keys)) continue;
    const key = `${record.izaRegion ?? ''}|${record.keys.organisationKey}`;
    parents.set(key, (parents.get(key) ?? new Set()).add(record.source));
  }
  return records.map((record) => {
    if (record.level === 'organisatie') return record;
    const name = record.keys.fullTokens.join(' ');
    const ownOrganisation = record.keys.organisationKey === '' || record.keys.organisationKey === name;
    const listedBy = parents.get(`${record.izaRegion ?? ''}|${name}`);
    const byOthers = listedBy !== undefined && [...listedBy].some((source) => source !== record.source);
    return ownOrganisation && byOthers ? { ...record, level: 'organisatie' } : record;
  });
}

/**
 * A location that fits two or more locations of one other source ("Stadskamer Doetinchem"
 * against "… (Raadhuisstraat)" and "… (Stadswerkplaats)") is not merged with any of them: which
 * one it is, is for a person to decide.
 */
function withAmbiguityReviewed(records: readonly MatchRecord[], pairs: JudgedPairs): void {
  const sourceNumbers = new Map<string, number>();
  const sourceOf = Int32Array.from(records, (record) => {
    let number = sourceNumbers.get(record.source);
    if (number === undefined) sourceNumbers.set(record.source, (number = sourceNumbers.size));
    return number;
  });
  const sources = sourceNumbers.size;
  // Per pair of two locations judged the same, both records with the other's source (position ·
  // sources + source number), sorted: a record that fits two of a source's locations is there
  // twice. A sorted typed array, not a Map of counts: hundreds of thousands of pairs at 1M records.
  const counted = new Uint8Array(pairs.length);
  const fits = new Float64Array(2 * pairs.length);
  let used = 0;
  for (let pair = 0; pair < pairs.length; pair += 1) {
    const first = pairs.first[pair]!;
    const second = pairs.second[pair]!;
    if (pairs.outcomeOf(pair) !== 'zelfde' || records[first]!.level !== 'locatie' || records[second]!.level !== 'locatie') continue;
    counted[pair] = 1;
    fits[used++] = first * sources + sourceOf[second]!;
    fits[used++] = second * sources + sourceOf[first]!;
  }
  const sorted = fits.subarray(0, used).sort();
  for (let pair = 0; pair < pairs.length; pair += 1) {
    if (counted[pair] === 0) continue;
    const first = pairs.first[pair]!;
    const second = pairs.second[pair]!;
    if (fitsTwice(sorted, first * sources + sourceOf[second]!) || fitsTwice(sorted, second * sources + sourceOf[first]!)) {
      pairs.decide(pair, 'te beoordelen', AMBIGUOUS);
    }
  }
}

/** `key` is in `sorted` more than once. */
function fitsTwice(sorted: Float64Array, key: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return sorted[low + 1] === key;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

async function loadVerdicts(database: MonitorDatabase): Promise<VerdictRow[]> {
  return database.query(z.object({ fingerprint_a: z.string(), fingerprint_b: z.string(), verdict: z.enum(['zelfde', 'verschillend']) }), MATCH_VERDICTS);
}

function absorbOrganisationEntries(clustering: Clustering): Clustering {
  // Location groups by region and organisation of their location records, in group order: looked
  // up per entry instead of scanning every group (quadratic: 145 s at 1M records).
  const hostsByKey = new Map<string, MatchRecord[][]>();
  const keys: string[] = [];
  for (const group of clustering.groups) {
    keys.length = 0;
    for (const record of group) {
      if (record.level !== 'locatie' || record.keys.organisationKey === '') continue;
      const key = hostKey(record.izaRegion, record.keys.organisationKey);
      if (keys.includes(key)) continue;
      keys.push(key);
      const hosts = hostsByKey.get(key);
      if (hosts === undefined) hostsByKey.set(key, [group]);
      else hosts.push(group);
    }
  }
  const merges = [...clustering.merges];
  const absorbed = new Set<MatchRecord[]>();
  for (const group of clustering.groups) {
    if (group.some((record) => record.level === 'locatie')) continue;
    const entry = group[0]!;
    const organisationKey = entry.keys.organisationKey || entry.keys.fullTokens.join(' ');
    // A group with a record of the entry's own source is another steunpunt of that source; the
    // entry's own municipality is preferred over elsewhere in the region.
    const hosts = (hostsByKey.get(hostKey(entry.izaRegion, organisationKey)) ?? []).filter((candidate) =>
      candidate.every((record) => record.source !== entry.source),
    );
    const host = hosts.find((candidate) => candidate.some((record) => record.gmCode === entry.gmCode)) ?? hosts[0];
    if (!host) continue;
    merges.push({ a: entry, b: host[0]!, decision: { outcome: 'zelfde', rule: COVERED_BY_LOCATIONS, score: 1 } });
    host.push(...group);
    absorbed.add(group);
  }
  return { ...clustering, groups: clustering.groups.filter((group) => !absorbed.has(group)), merges };
}

function hostKey(izaRegion: string | null, organisationKey: string): string {
  return `${izaRegion ?? '\u0001'}|${organisationKey}`;
}
