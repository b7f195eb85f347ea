/**
 * The three sources and their habits: which columns they have, how often a column is filled,
 * how they write status and size. A listing is rendered with the variations of variations.ts
 * and then checked against the real resolver: if the fields the source happened to fill do not
 * lead to the true municipality, the source "also fills in" the municipality, as a person
 * would after a rejected import.
 */
import type { Geography } from './places.ts';
import type { Random } from './random.ts';
import type { SourceId, TrueLocation } from './locations.ts';
import {
  VARIATION_RATES as RATE,
  withEdSpelling,
  withNameCase,
  withoutDiacritics,
  withStichtingToggled,
  withTypo,
} from './variations.ts';

export interface SourceSpec {
  id: SourceId;
  /** Source name for importInventory. */
  source: string;
  file: string;
  format: 'csv' | 'xlsx';
  delimiter: ',' | ';';
  encoding: 'utf-8' | 'windows-1252';
  headers: readonly string[];
}

export const SOURCES: Readonly<Record<SourceId, SourceSpec>> = {
  a: {
    id: 'a', source: 'bron-a', file: 'bron-a.csv', format: 'csv', delimiter: ',', encoding: 'utf-8',
    headers: ['naam', 'organisatie', 'adres', 'postcode', 'plaats', 'gemeente', 'IZA-regio', 'bezoekers per week', 'status'],
  },
  b: {
    id: 'b', source: 'bron-b', file: 'bron-b.csv', format: 'csv', delimiter: ';', encoding: 'windows-1252',
    headers: ['Locatienaam', 'Organisatie', 'Postcode', 'Woonplaats', 'Gemeentecode', 'Gemeente', 'Dagdelen per week', 'Website'],
  },
  c: {
    id: 'c', source: 'bron-c', file: 'bron-c.xlsx', format: 'xlsx', delimiter: ',', encoding: 'utf-8',
    headers: ['Location name', 'Organization', 'City', 'Municipality', 'IZA region', 'Size', 'Status'],
  },
};

/** The truth id of a row that belongs to no steunpunt (it must be rejected on import). */
export const JUNK_TRUTH_ID = '-';

interface Written {
  name: string;
  organisation: string;
  postcode: string;
  place: string;
  municipality: string;
  gmCode: string;
}

export function renderListing(location: TrueLocation, id: SourceId, geography: Geography, random: Random): string[] {
  const written = resolvable(location, writeFields(location, id, random), id, geography);
  const { municipality } = location;
  switch (id) {
    case 'a':
      return [
        written.name, written.organisation, random.chance(0.6) ? location.address : '', written.postcode, written.place,
        written.municipality, random.chance(0.8) ? municipality.izaRegion ?? '' : '',
        random.chance(0.5) ? String(location.visitorsPerWeek) : '', location.status,
      ];
    case 'b':
      return [
        written.name, written.organisation, written.postcode, written.place, written.gmCode, written.municipality,
        random.chance(0.5) ? String(location.dagdelenPerWeek) : '', random.chance(0.5) ? location.website ?? '' : '',
      ];
    case 'c':
      return [
        written.name, written.organisation, written.place, written.municipality, random.chance(0.6) ? municipality.izaRegion ?? '' : '',
        random.chance(0.4) ? sizeInEnglish(location.visitorsPerWeek) : '', STATUS_IN_ENGLISH[location.status],
      ];
  }
}

export function junkRow(id: SourceId, index: number): string[] {
  switch (id) {
    case 'a':
      return [`Inloop (adres volgt) ${index}`, '', '', '12345', '', '', '', '', 'actief'];
    case 'b':
      return [`Nieuw initiatief ${index}`, '', '', 'Nergenshuizen', '', '', '', ''];
    case 'c':
      return [`Unknown ${index}`, '', 'Nergenshuizen', '', '', '', 'active'];
  }
}

function writeFields(location: TrueLocation, id: SourceId, random: Random): Written {
  const { municipality, kind } = location;
  let organisation = location.organisation ?? '';
  let name = location.name;
  if (organisation !== '' && random.chance(RATE.stichtingToggled)) {
    organisation = withStichtingToggled(organisation);
    if (kind.runBy === 'self') name = organisation;
  }
  if (organisation !== '' && kind.runBy !== 'self') {
    const draw = random.next();
    if (draw < RATE.organisationPrepended) name = `${organisation} ${name}`;
    else if (draw < RATE.organisationPrepended + RATE.organisationBracketed) name = `${name} (${organisation})`;
  }
  if (random.chance(RATE.organisationDropped)) organisation = '';
  name = withEdSpelling(name, random);
  if (random.chance(RATE.typo)) name = withTypo(name, random);
  if (random.chance(RATE.noDiacritics)) name = withoutDiacritics(name);
  name = withNameCase(name, random);

  const truePlace = location.point?.woonplaats ?? municipality.name;
  const place = random.chance(RATE.placeAsMunicipality) ? municipality.name : truePlace;
  const former = municipality.formerNames.length > 0 && random.chance(RATE.formerMunicipalityName);
  const municipalityName = former ? random.pick(municipality.formerNames) : municipality.name;
  const postcodeRate = id === 'a' ? 0.55 : id === 'b' ? 0.35 : 0;
  const postcode = location.postcode === null ? '' : random.chance(postcodeRate) ? location.postcode : id === 'a' && random.chance(0.2) ? location.postcode.slice(0, 4) : '';
  const municipalityRate = id === 'a' ? 0.7 : id === 'b' ? 0.4 : 0.6;
  return {
    name,
    organisation,
    postcode,
    place,
    municipality: former || random.chance(municipalityRate) ? municipalityName : '',
    gmCode: id === 'b' && random.chance(0.4) ? (random.chance(0.5) ? municipality.gmCode : String(Number(municipality.gmCode.slice(2)))) : '',
  };
}

/** The written fields, completed with the current municipality name when they would not resolve to the truth. */
function resolvable(location: TrueLocation, written: Written, id: SourceId, geography: Geography): Written {
  const target = location.municipality.gmCode;
  const resolves = (fields: Written) =>
    geography.resolvesTo({
      ...(fields.postcode === '' ? {} : { postcode: fields.postcode }),
      ...(fields.gmCode === '' ? {} : { gmCode: fields.gmCode }),
      ...(fields.municipality === '' ? {} : { municipality: fields.municipality }),
      ...(fields.place === '' ? {} : { place: fields.place }),
    }) === target;
  if (resolves(written)) return written;
  const completed = { ...written, municipality: location.municipality.name };
  if (resolves(completed)) return completed;
  const withCode = id === 'b' ? { ...completed, gmCode: target } : { ...completed, place: location.municipality.name };
  if (resolves(withCode)) return withCode;
  throw new Error(`generated listing of ${location.truthId} does not resolve to ${target}: ${JSON.stringify(written)}`);
}

const STATUS_IN_ENGLISH: Record<TrueLocation['status'], string> = { actief: 'active', potentieel: 'potential', gesloten: 'closed' };

function sizeInEnglish(visitorsPerWeek: number): string {
  return visitorsPerWeek < 50 ? 'small' : visitorsPerWeek > 100 ? 'large' : 'medium';
}
