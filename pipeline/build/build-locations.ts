/**
 * Locations of a year: the year's records deduplicated into steunpunten (pipeline/dedupe/),
 * each with a stable id carried over from earlier years, its size class and weight, its
 * organisation, the records it was made from, and the evidence of every merge.
 */
import { LocationStatus, SizeClass, type LocationStatus as Status } from '../../sources/schema.ts';
import { sha256Hex } from '../../sources/sha256.ts';
import type { MonitorContext } from '../context.ts';
import { CORRECTED_BY, loadOverrides } from '../corrections/overrides.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES, type NewRow } from '../db/tables.ts';
import type { MatchRecord } from '../dedupe/compare.ts';
import { dedupeYear, pairKey } from '../dedupe/dedupe-year.ts';
import { assignIdentities, type PriorLocation } from '../dedupe/identities.ts';
import { readYearStore, type TextField, type YearRecords } from '../dedupe/read-records.ts';
import { extraValue, fingerprintOf, recordLevel, toMatchRecord, type RecordRow } from '../dedupe/records.ts';
import type { MunicipalityResolver, Resolution } from '../normalise/municipality-resolver.ts';
import { placeOutsideMunicipality } from '../normalise/place-outside-municipality.ts';
import { normaliseKey } from '../normalise/text-key.ts';
import { markPhase } from '../phase-mark.ts';
import { planLocations, type LocationPlan, type PlannedPair, type PlannedPriorPair } from './build-locations/location-plan.ts';
import { recordPositions } from './build-locations/record-positions.ts';
import { classifySize } from './classify-size.ts';
import { releaseHeap } from './release-heap.ts';

/** When sources disagree on status, an explicit closure or exclusion wins over a listing. */
const STATUS_PRIORITY: readonly Status[] = ['uitgesloten', 'gesloten', 'actief', 'potentieel'];

interface Draft {
  record: MatchRecord;
  identityKey: string;
  /** The location id a record of the group gives (the monitor's own export read back). */
  givenId: string | undefined;
  /** The first organisation its records name. */
  organisation: string | undefined;
  members: MatchRecord[];
}

export async function buildLocations(database: MonitorDatabase, year: number, context: MonitorContext): Promise<number> {
  const { store, rowNumbers, plan } = await planYear(database, year);
  // The MatchRecords and the clustering are garbage now; the writes would pile theirs on top.
  releaseHeap();
  const overrides = await loadOverrides(database, year);
  const signalsOf = placeSignalsOf(eachFieldOnce(context.resolver));
  const { locationIds, memberStart, memberPositions, organisationLevel } = plan;
  const membersOf = (location: number) => memberPositions.subarray(memberStart[location]!, memberStart[location + 1]!);
  const fingerprintAt = (position: number) =>
    fingerprintOf(store.text(position, 'source')!, plan.compactKeys[position]!, store.text(position, 'gm_code'), store.text(position, 'iza_region'));
  markPhase('dedupe.write');
  // Rows are made as the appender takes them, not listed first: at a million records the lists
  // held millions of objects at once.
  await database.append(
    'location',
    lazily(locationIds.keys(), (location) => {
      const id = locationIds[location]!;
      const members = membersOf(location);
      const facts = locationFacts(Array.from(members, (position) => store.row(position)), members, organisationLevel, signalsOf);
      return locationColumns(year, id, corrected(facts, overrides.get(id), context), context);
    }),
  );
  await database.append('location_member', memberRows(year, plan, rowNumbers, (position) => store.text(position, 'source')!, fingerprintAt));
  await database.append('organisation', organisationRows(year, plan.organisations));
  // The location rows outlive scavenges and are promoted: garbage of the old space by now.
  releaseHeap();
  markPhase('dedupe.pairRows');
  const locationOf = (position: number) => locationIds[plan.locationAt[position]!];
  const itemOf = (position: number) => `${store.text(position, 'source')!}:${rowNumbers[position]!}`;
  const textOf: TextOf = (position, field) => store.text(position, field);
  markPhase('dedupe.writePairs');
  await database.append(
    'match_pair',
    chained(
      lazily(plan.withinYear, (pair) => pairColumns(year, pair, locationOf, itemOf, fingerprintAt, textOf)),
      lazily(plan.acrossYears, (pair) => {
        const current = memberPositions[memberStart[plan.locationAt[pair.first]!]!]!;
        return priorPairColumns(year, pair, locationOf(pair.first), itemOf(pair.first), fingerprintAt(pair.first), current, textOf);
      }),
    ),
  );
  return locationIds.length;
}

/** One text field of a record, from the year's store, without its whole row (pair rows). */
type TextOf = (position: number, field: TextField) => string | undefined;

/**
 * Reads the year's records, clusters them and gives every location its id: the store of the
 * records and the plan of what to write, by position. The MatchRecords, the clustering and the
 * drafts are not returned, so they are garbage once this returns.
 */
async function planYear(database: MonitorDatabase, year: number): Promise<{ store: YearRecords; rowNumbers: readonly number[]; plan: LocationPlan }> {
  markPhase('dedupe.read');
  // The row objects are not kept: a record's row is made again from the packed store when a
  // location, member or pair row needs it (at a million records the rows were ~400 MB of heap).
  const records: MatchRecord[] = [];
  const rowNumbers: number[] = [];
  const store = await readYearStore(database, year, (row) => {
    rowNumbers.push(row.row_number);
    records.push(toMatchRecord(`${row.source}:${row.row_number}`, row.source, row, recordLevel(row)));
  });
  const positionOf = recordPositions(records, rowNumbers);
  const clustering = await dedupeYear(database, records);

  const drafts: Draft[] = clustering.groups.map((group) => {
    const members = [...group].sort((x, y) => representativeOrder(x, y));
    const positions = members.map(positionOf);
    const first = positions[0]!;
    let givenId: string | undefined;
    let organisation: string | undefined;
    for (const position of positions) {
      givenId ??= extraValue({ extra: store.text(position, 'extra') }, 'locatieId');
      organisation ??= store.text(position, 'organisation');
      if (givenId !== undefined && organisation !== undefined) break;
    }
    return { record: members[0]!, identityKey: identityKey(store, first), givenId, organisation, members };
  });
  markPhase('dedupe.identities');
  // The matcher's blocks and pairs are garbage; the drafts and the plan come on top of the records.
  releaseHeap();
  const prior = await readPriorLocations(database, year);
  const identities = assignIdentities(drafts, prior);
  return { store, rowNumbers, plan: planLocations(store.count, positionOf, drafts, identities, clustering, prior) };
}

/** `make` applied to each item as the reader asks for it. */
function* lazily<T, R>(items: Iterable<T>, make: (item: T) => R): Generator<R> {
  for (const item of items) yield make(item);
}

function* chained<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

function* memberRows(
  year: number,
  plan: LocationPlan,
  rowNumbers: readonly number[],
  sourceAt: (position: number) => string,
  fingerprintAt: (position: number) => string,
): Generator<NewRow<'location_member'>> {
  for (const [location, locationId] of plan.locationIds.entries()) {
    for (let member = plan.memberStart[location]!; member < plan.memberStart[location + 1]!; member += 1) {
      const position = plan.memberPositions[member]!;
      yield {
        year,
        location_id: locationId,
        source: sourceAt(position),
        row_number: rowNumbers[position]!,
        fingerprint: fingerprintAt(position),
        level: plan.organisationLevel[position] === 1 ? 'organisatie' : 'locatie',
      };
    }
  }
}

/** Location-level records before organisation entries; then by source and row. */
function representativeOrder(x: MatchRecord, y: MatchRecord): number {
  if (x.level !== y.level) return x.level === 'locatie' ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The key a new location's id is derived from (kept as in the first monitor, so 2024 ids stay). */
function identityKey(store: YearRecords, position: number): string {
  const [organisation, name, gmCode, region] = [store.text(position, 'organisation'), store.text(position, 'name')!, store.text(position, 'gm_code'), store.text(position, 'iza_region')];
  return [organisation ?? '', name, gmCode ?? `regio:${region ?? ''}`].map(normaliseKey).join('|');
}

const PRIOR_LOCATIONS = sql('build/build-locations/prior-locations.sql');

const PriorRow = TABLES.location.pick({
  location_id: true,
  name: true,
  organisation: true,
  postcode: true,
  place: true,
  gm_code: true,
  iza_region: true,
  website: true,
});

/** Every location of earlier years, in its latest version. */
async function readPriorLocations(database: MonitorDatabase, year: number): Promise<PriorLocation[]> {
  const rows = await database.query(PriorRow, PRIOR_LOCATIONS, { year });
  return rows.map((row) => ({
    locationId: row.location_id,
    name: row.name,
    place: row.place,
    record: toMatchRecord(
      `eerder:${row.location_id}`,
      'eerder',
      {
        name: row.name,
        organisation: row.organisation ?? undefined,
        postcode: row.postcode ?? undefined,
        place: row.place ?? undefined,
        gm_code: row.gm_code ?? undefined,
        iza_region: row.iza_region ?? undefined,
        website: row.website ?? undefined,
      },
      'locatie',
    ),
  }));
}

/** What a location is, from its records: location-level records first, then organisation entries. */
interface LocationFacts {
  row: RecordRow;
  status: Status;
  sources: string;
  onlyOrganisation: boolean;
  /** What the import noticed about the records (a field left empty, an approximate count). */
  signals: string[];
  /** Opening hours as a source wrote them, for the dagdelen rule. */
  openingHours: string | undefined;
}

/** `rows` are the rows of the location's `members` (positions), in the same order. */
function locationFacts(rows: readonly RecordRow[], members: Int32Array, organisationLevel: Uint8Array, signalsOf: PlaceSignals): LocationFacts {
  const locationRows = rows.filter((_, index) => organisationLevel[members[index]!] === 0);
  const preferred = locationRows.length > 0 ? locationRows : rows;
  // A field the first record leaves empty is taken from the next that fills it (a location of
  // one record, most of them, has no other to take it from: its row, made for this call, is used as it is).
  const row = rows.length === 1 ? preferred[0]! : { ...preferred[0]! };
  for (const field of rows.length === 1 ? [] : (Object.keys(row) as (keyof RecordRow)[])) {
    if (row[field] !== undefined) continue;
    const value = preferred.find((candidate) => candidate[field] !== undefined)?.[field] ?? rows.find((candidate) => candidate[field] !== undefined)?.[field];
    (row as Record<keyof RecordRow, unknown>)[field] = value;
  }
  return {
    row,
    status: STATUS_PRIORITY.find((candidate) => rows.some((record) => record.status === candidate)) ?? row.status,
    sources: rows.map((record) => `${record.source}:${record.row_number}`).join('; '),
    onlyOrganisation: locationRows.length === 0,
    signals: [...new Set(rows.flatMap((record) => [...(extraValue(record, 'signalen')?.split('; ') ?? []), ...signalsOf(record)]))],
    openingHours: [...preferred, ...rows].map((record) => extraValue(record, 'openingstijden')).find((text) => text !== undefined),
  };
}

/** A place or postcode outside the municipality the list wrote (the written municipality still decides). */
type PlaceSignals = (record: RecordRow) => readonly string[];

/**
 * placeOutsideMunicipality's signals for a record: those of its place, then those of its postcode,
 * each judged against the written municipality alone, so the two halves are asked apart. A place
 * and written municipality (a few thousand of them) are asked once per build; a postcode, nearly
 * unique, each time it is given.
 */
function placeSignalsOf(resolver: MunicipalityResolver): PlaceSignals {
  const byPlace = new Map<string | undefined, Map<string | undefined, Map<string, readonly string[]>>>();
  const none: readonly string[] = [];
  return (record) => {
    const { gm_code_as_written: gmCode, municipality_as_written: municipality, place, postcode } = record;
    if (gmCode === undefined && municipality === undefined) return none;
    const written = { ...(gmCode === undefined ? {} : { gmCode }), ...(municipality === undefined ? {} : { municipality }) };
    let ofPlace = none;
    if (place !== undefined) {
      let byMunicipality = byPlace.get(gmCode);
      if (byMunicipality === undefined) byPlace.set(gmCode, (byMunicipality = new Map()));
      let byName = byMunicipality.get(municipality);
      if (byName === undefined) byMunicipality.set(municipality, (byName = new Map()));
      const known = byName.get(place);
      if (known === undefined) byName.set(place, (ofPlace = placeOutsideMunicipality(resolver, { ...written, place })));
      else ofPlace = known;
    }
    if (postcode === undefined) return ofPlace;
    const ofPostcode = placeOutsideMunicipality(resolver, { ...written, postcode });
    return ofPostcode.length === 0 ? ofPlace : [...ofPlace, ...ofPostcode];
  };
}

/**
 * The resolver's answer for one field (a place, a postcode, a municipality), asked once per build:
 * the place signals ask the same few thousand places and municipalities for every record.
 */
function eachFieldOnce(resolver: MunicipalityResolver): MunicipalityResolver {
  // Per field name, the answer per value: no key text made per question.
  const known = new Map<string, Map<unknown, Resolution>>();
  return {
    resolve: (input) => {
      let field: keyof typeof input | undefined;
      for (const name in input) {
        if (field !== undefined) return resolver.resolve(input);
        field = name as keyof typeof input;
      }
      if (field === undefined) return resolver.resolve(input);
      let answers = known.get(field);
      if (answers === undefined) known.set(field, (answers = new Map()));
      const value = input[field];
      let resolution = answers.get(value);
      if (resolution === undefined) answers.set(value, (resolution = resolver.resolve(input)));
      return resolution;
    },
    currentCodes: (gmCode) => resolver.currentCodes(gmCode),
  };
}

/** The working group's corrections win over every source; a changed municipality is resolved again. */
function corrected(facts: LocationFacts, fields: ReadonlyMap<string, string | null> | undefined, context: MonitorContext): LocationFacts {
  if (!fields) return facts;
  const value = (field: string) => (fields.has(field) ? (fields.get(field) ?? undefined) : null);
  const row: RecordRow = { ...facts.row };
  const text = { name: 'name', organisation: 'organisation', address: 'address', postcode: 'postcode', place: 'place', note: 'note', website: 'website' } as const;
  for (const [field, column] of Object.entries(text)) {
    const next = value(field);
    if (next !== null) Object.assign(row, { [column]: field === 'name' ? (next ?? row.name) : next });
  }
  for (const [field, column] of [['dagdelenPerWeek', 'dagdelen_per_week'], ['visitorsPerWeek', 'visitors_per_week']] as const) {
    const next = value(field);
    if (next !== null) row[column] = next === undefined ? undefined : Number(next);
  }
  const size = value('size');
  if (size !== null) row.size_given = SizeClass.safeParse(size).data;
  const municipality = value('municipality');
  const gmCode = value('gmCode');
  if (municipality !== null || gmCode !== null) {
    const resolution = context.resolver.resolve({
      ...(gmCode ? { gmCode } : {}),
      ...(municipality ? { municipality } : {}),
      ...(row.place ? { place: row.place } : {}),
      ...(row.iza_region ? { izaRegion: row.iza_region } : {}),
    });
    if (resolution.kind === 'resolved') {
      Object.assign(row, { gm_code: resolution.gmCode, municipality: resolution.municipalityName, province: resolution.province, iza_region: resolution.izaRegion ?? undefined });
    }
  }
  const status = value('status');
  return {
    ...facts,
    row,
    status: status ? LocationStatus.parse(status) : facts.status,
    sources: `${facts.sources}; ${CORRECTIONS_LABEL}:${fields.get(CORRECTED_BY) ?? ''}`,
  };
}

const CORRECTIONS_LABEL = 'correctie';

function locationColumns(year: number, locationId: string, facts: LocationFacts, context: MonitorContext): NewRow<'location'> {
  const { row } = facts;
  const size = classifySize(
    { size: row.size_given, visitorsPerWeek: row.visitors_per_week, dagdelenPerWeek: row.dagdelen_per_week, openingHours: facts.openingHours },
    context.config,
  );
  const flags = [
    row.gm_code === undefined ? 'gemeente onbekend' : undefined,
    size.size === 'onbekend' ? 'grootte onbekend' : undefined,
    size.openingHoursProblem === undefined ? undefined : `openingstijden niet te lezen: ${size.openingHoursProblem}`,
    facts.onlyOrganisation ? 'alleen als organisatie genoemd' : undefined,
    ...facts.signals,
  ].filter((flag) => flag !== undefined);
  const point = context.locator.locate({
    ...(row.postcode === undefined ? {} : { postcode: row.postcode }),
    ...(row.place === undefined ? {} : { place: row.place }),
    ...(row.gm_code === undefined ? {} : { gmCode: row.gm_code }),
  });
  return {
    year,
    location_id: locationId,
    name: row.name,
    organisation: row.organisation,
    address: row.address,
    postcode: row.postcode,
    place: row.place,
    gm_code: row.gm_code,
    municipality: row.municipality,
    province: row.province,
    iza_region: row.iza_region,
    size_class: size.size,
    size_basis: size.basis,
    weight: size.weight,
    status: facts.status,
    sources: facts.sources,
    flags: flags.length === 0 ? undefined : flags.join('; '),
    note: row.note,
    organisation_id: row.organisation === undefined ? undefined : organisationId(row.organisation),
    website: row.website,
    dagdelen_per_week: size.dagdelenPerWeek,
    visitors_per_week: row.visitors_per_week,
    lat: point?.lat,
    lon: point?.lon,
    coordinate_precision: point?.precision,
    opening_hours: facts.openingHours,
  };
}

export function organisationId(name: string): string {
  let id = organisationIds.get(name);
  if (id === undefined) {
    if (organisationIds.size >= ORGANISATION_IDS_LIMIT) organisationIds.clear();
    organisationIds.set(name, (id = `ORG-${sha256Hex(draftOrganisationKey(name)).slice(0, 10)}`));
  }
  return id;
}

// An organisation has many locations, each asking its id (a hash) twice: computed once per name.
const organisationIds = new Map<string, string>();
const ORGANISATION_IDS_LIMIT = 100_000;

function draftOrganisationKey(name: string): string {
  return normaliseKey(name.replace(/\([^)]*\)/g, ' ')).replace(/^stichting /, '');
}

function organisationRows(year: number, organisations: readonly (string | undefined)[]): NewRow<'organisation'>[] {
  const byId = new Map<string, { name: string; locations: number }>();
  for (const name of organisations) {
    if (name === undefined) continue;
    const id = organisationId(name);
    const entry = byId.get(id) ?? { name, locations: 0 };
    byId.set(id, { name: entry.name, locations: entry.locations + 1 });
  }
  return [...byId].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, entry]) => ({ year, organisation_id: id, name: entry.name, locations: entry.locations }));
}

function pairColumns(
  year: number,
  pair: PlannedPair,
  locationOf: (position: number) => string | undefined,
  itemOf: (position: number) => string,
  fingerprintAt: (position: number) => string,
  textOf: TextOf,
): NewRow<'match_pair'> {
  const { first, second, decision } = pair;
  // One record's fields after the other's: the store scans a record once for all of them.
  const fingerprintA = fingerprintAt(first);
  const itemA = itemOf(first);
  const nameA = textOf(first, 'name')!;
  const placeA = textOf(first, 'place') ?? textOf(first, 'municipality');
  const fingerprintB = fingerprintAt(second);
  const itemB = itemOf(second);
  const nameB = textOf(second, 'name')!;
  const placeB = textOf(second, 'place') ?? textOf(second, 'municipality');
  return {
    year,
    stage: 'binnen jaar',
    pair_id: pairId(fingerprintA, fingerprintB),
    item_a: itemA,
    item_b: itemB,
    fingerprint_a: fingerprintA,
    fingerprint_b: fingerprintB,
    location_a: locationOf(first),
    location_b: locationOf(second),
    name_a: nameA,
    name_b: nameB,
    place_a: placeA,
    place_b: placeB,
    score: decision.score,
    rule: decision.rule,
    outcome: decision.outcome,
  };
}

function priorPairColumns(
  year: number,
  pair: PlannedPriorPair,
  locationA: string | undefined,
  itemA: string,
  currentFingerprint: string,
  /** The first record of the current location, by position. */
  current: number,
  textOf: TextOf,
): NewRow<'match_pair'> {
  const { earlier, decision } = pair;
  const earlierFingerprint = `locatie:${earlier.locationId}`;
  return {
    year,
    stage: 'tussen jaren',
    pair_id: pairId(currentFingerprint, earlierFingerprint),
    item_a: itemA,
    item_b: pair.item,
    fingerprint_a: currentFingerprint,
    fingerprint_b: earlierFingerprint,
    location_a: locationA,
    location_b: earlier.locationId,
    name_a: textOf(current, 'name')!,
    name_b: earlier.name,
    place_a: textOf(current, 'place') ?? textOf(current, 'municipality'),
    place_b: earlier.place,
    score: decision.score,
    rule: decision.rule,
    outcome: decision.outcome,
  };
}

/** A short stable id for a pair, as the review list and the Excel overview show it. */
export function pairId(a: string, b: string): string {
  return `PAAR-${sha256Hex(pairKey(a, b)).slice(0, 10)}`;
}
