import type { InventoryField } from '../schema.ts';

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
  postcode: 'postcode',
  postalcode: 'postcode',
  zip: 'postcode',
  plaats: 'place',
  woonplaats: 'place',
  stad: 'place',
  city: 'place',
  gemeente: 'municipality',
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
