import type { ExtraKey, InventoryField } from '../schema.ts';

/** A header as a lookup key: no accents, no case, nothing but letters and digits ("Locatie-naam " → "locatienaam"). */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Dutch and English column headers, written as normaliseHeader leaves them. */
export const HEADER_SYNONYMS: Readonly<Record<string, InventoryField>> = {
  naam: 'name',
  name: 'name',
  locatie: 'name',
  location: 'name',
  locatienaam: 'name',
  locationname: 'name',
  organisatie: 'organisation',
  organisation: 'organisation',
  organization: 'organisation',
  adres: 'address',
  address: 'address',
  bezoekadres: 'address',
  vestigingsadres: 'address',
  straatenhuisnummer: 'address',
  postcode: 'postcode',
  postalcode: 'postcode',
  zip: 'postcode',
  plaats: 'place',
  plaatsnaam: 'place',
  woonplaats: 'place',
  vestigingsplaats: 'place',
  stad: 'place',
  city: 'place',
  gemeente: 'municipality',
  gemeentenaam: 'municipality',
  municipality: 'municipality',
  municipalityaswritten: 'municipality',
  gemeentezoalsgeschreven: 'municipality',
  gemeentecode: 'gmCode',
  gmcode: 'gmCode',
  izaregio: 'izaRegion',
  izaregion: 'izaRegion',
  regio: 'izaRegion',
  region: 'izaRegion',
  dagdelenperweek: 'dagdelenPerWeek',
  opendagdelen: 'dagdelenPerWeek',
  dagdelen: 'dagdelenPerWeek',
  bezoekersperweek: 'visitorsPerWeek',
  visitorsperweek: 'visitorsPerWeek',
  bezoekers: 'visitorsPerWeek',
  aantalbezoekers: 'visitorsPerWeek',
  aantalbezoekersperweek: 'visitorsPerWeek',
  grootte: 'size',
  omvang: 'size',
  size: 'size',
  status: 'status',
  website: 'website',
  url: 'website',
  opmerking: 'note',
  opmerkingen: 'note',
  note: 'note',
  notes: 'note',
};

/**
 * Columns that are recognised but have no field of their own: kept under a fixed key of the
 * record's `extra` (EXTRA_KEYS in ../schema.ts). `location_id` is the monitor's own id (its
 * exports carry it), `niveau` marks an entry for a whole organisation.
 */
export const EXTRA_HEADER_SYNONYMS: Readonly<Record<string, ExtraKey>> = {
  locationid: 'locatieId',
  locatieid: 'locatieId',
  openingstijden: 'openingstijden',
  openingsuren: 'openingstijden',
  openingstijd: 'openingstijden',
  geopend: 'openingstijden',
  openinghours: 'openingstijden',
  niveau: 'niveau',
};

/**
 * Columns the monitor writes itself in locaties.csv and the Locaties sheet and computes again in
 * every build: read back, they are ignored on purpose (and said to be).
 */
export const COMPUTED_HEADERS: readonly string[] = [
  'provincie',
  'teltinprovincie',
  'groottebasis',
  'gewicht',
  'bronnen',
  'signalen',
  ...Array.from({ length: 10 }, (_, index) => `kenmerk${index + 1}`),
];

/** How a field is called in messages for people. */
export const FIELD_LABELS: Readonly<Record<InventoryField, string>> = {
  name: 'naam',
  organisation: 'organisatie',
  address: 'adres',
  postcode: 'postcode',
  place: 'plaats',
  municipality: 'gemeente',
  gmCode: 'gemeentecode',
  izaRegion: 'IZA-regio',
  dagdelenPerWeek: 'dagdelen per week',
  visitorsPerWeek: 'bezoekers per week',
  size: 'grootte',
  status: 'status',
  website: 'website',
  note: 'opmerking',
};

// A Map, so that a header such as "constructor" cannot hit Object.prototype.
const FIELD_BY_KEY: ReadonlyMap<string, InventoryField> = new Map(Object.entries(HEADER_SYNONYMS));

export function fieldForHeader(header: string): InventoryField | null {
  return FIELD_BY_KEY.get(normaliseHeader(header)) ?? null;
}

const EXTRA_BY_KEY: ReadonlyMap<string, ExtraKey> = new Map(Object.entries(EXTRA_HEADER_SYNONYMS));
const COMPUTED: ReadonlySet<string> = new Set(COMPUTED_HEADERS);

/** The extra key a column without a field is kept under, or null when it is not stored. */
export function extraKeyForHeader(header: string): ExtraKey | null {
  return EXTRA_BY_KEY.get(normaliseHeader(header)) ?? null;
}

/** Whether a column is one the monitor computes itself (read back from its own export). */
export function isComputedHeader(header: string): boolean {
  return COMPUTED.has(normaliseHeader(header));
}
