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
import { clusterRecords, type Clustering, type ScoredPair, type Verdict } from './cluster.ts';
import { hardConflict, judgePair, nameSimilarity, type MatchRecord } from './compare.ts';
import { markPhase } from '../phase-mark.ts';
import { namedAfterOrganisation } from './match-key.ts';
import { fingerprint } from './records.ts';

const MATCH_VERDICTS = sql('dedupe/dedupe-year/match-verdicts.sql');

const COVERED_BY_LOCATIONS = 'organisatie gedekt door haar locaties in de regio';

export async function dedupeYear(database: MonitorDatabase, listed: readonly MatchRecord[]): Promise<Clustering> {
  const records = withOrganisationEntriesRecognised(listed);
  const verdicts = await loadVerdicts(database);
  const decidedByPerson = (a: MatchRecord, b: MatchRecord) => verdicts.size > 0 && verdicts.has(pairKey(fingerprint(a), fingerprint(b)));
  const pairs = withAmbiguityReviewed(judgedPairs(records, decidedByPerson));
  markPhase('dedupe.clustering');
  const clustering = clusterRecords(records, pairs, (a, b) => verdicts.get(pairKey(fingerprint(a), fingerprint(b))));
  return absorbOrganisationEntries(clustering);
}

/**
 * The candidate pairs that are not judged different (and those a person decided). Most candidate
 * pairs are judged different; a hard conflict (another municipality, region or postcode) is known
 * before any name is compared. The block index is dropped on return: at a million records it
 * holds millions of block lists the clustering has no use for.
 */
function judgedPairs(records: readonly MatchRecord[], decidedByPerson: (a: MatchRecord, b: MatchRecord) => boolean): ScoredPair[] {
  markPhase('dedupe.candidates');
  const index = new BlockIndex(records, { skip: (a, b) => hardConflict(a, b) !== undefined && !decidedByPerson(a, b) });
  markPhase('dedupe.scoring');
  const kept: ScoredPair[] = [];
  let candidates = 0;
  index.forEachPair((left, right) => {
    candidates += 1;
    const judged = judgePair(left, right);
    if (judged.outcome === 'verschillend' && !decidedByPerson(left, right)) return;
    kept.push({ a: left, b: right, decision: { ...judged, score: nameSimilarity(left, right) } });
  });
  markPhase('dedupe.scored', { candidatePairs: candidates });
  return kept;
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
function withAmbiguityReviewed(pairs: readonly ScoredPair[]): ScoredPair[] {
  // Per record, per other source: how many of that source's locations it fits (no text keys: a
  // million records make hundreds of thousands of such pairs).
  const fits = new Map<MatchRecord, Map<string, number>>();
  const fitsOf = (record: MatchRecord, otherSource: string) => fits.get(record)?.get(otherSource) ?? 0;
  const count = (record: MatchRecord, otherSource: string) => {
    let bySource = fits.get(record);
    if (bySource === undefined) fits.set(record, (bySource = new Map()));
    bySource.set(otherSource, (bySource.get(otherSource) ?? 0) + 1);
  };
  const counts = (pair: ScoredPair) => pair.decision.outcome === 'zelfde' && pair.a.level === 'locatie' && pair.b.level === 'locatie';
  for (const pair of pairs) {
    if (!counts(pair)) continue;
    count(pair.a, pair.b.source);
    count(pair.b, pair.a.source);
  }
  return pairs.map((pair) => {
    if (!counts(pair)) return pair;
    const ambiguous = fitsOf(pair.a, pair.b.source) > 1 || fitsOf(pair.b, pair.a.source) > 1;
    if (!ambiguous) return pair;
    return { ...pair, decision: { ...pair.decision, outcome: 'te beoordelen', rule: 'past bij meer dan één locatie van de andere bron' } };
  });
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export async function loadVerdicts(database: MonitorDatabase): Promise<Map<string, Verdict>> {
  const rows = await database.query(
    z.object({ fingerprint_a: z.string(), fingerprint_b: z.string(), verdict: z.enum(['zelfde', 'verschillend']) }),
    MATCH_VERDICTS,
  );
  return new Map(rows.map((row) => [pairKey(row.fingerprint_a, row.fingerprint_b), row.verdict]));
}

function absorbOrganisationEntries(clustering: Clustering): Clustering {
  // Location groups by region and organisation of their location records, in group order: looked
  // up per entry instead of scanning every group (quadratic: 145 s at 1M records).
  const hostsByKey = new Map<string, MatchRecord[][]>();
  for (const group of clustering.groups) {
    const keys = new Set(
      group
        .filter((record) => record.level === 'locatie' && record.keys.organisationKey !== '')
        .map((record) => hostKey(record.izaRegion, record.keys.organisationKey)),
    );
    for (const key of keys) {
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
