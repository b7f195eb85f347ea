/**
 * A municipality that differs between years does not make another steunpunt when name,
 * organisation and place agree; every other difference still keeps two steunpunten apart.
 * Rows as the 2024 inventory has them (sources/inventories/galan2024/locations.csv).
 */
import { describe, expect, it } from 'vitest';
import { assignIdentities, type PriorLocation } from '../../../pipeline/dedupe/identities.ts';
import { toMatchRecord, type LocationFacts } from '../../../pipeline/dedupe/records.ts';

const FEANWALDEN: LocationFacts = {
  name: 'Sociale inloop Feanwâlden',
  organisation: 'Stjoer',
  place: 'Feanwâlden',
  gm_code: 'GM1891', // Dantumadiel, as the 2024 list writes it
  iza_region: 'Friesland',
};

const earlier = (facts: LocationFacts): PriorLocation => ({
  locationId: 'LSP-0000000001',
  name: facts.name,
  place: facts.place ?? null,
  record: toMatchRecord('eerder:LSP-0000000001', 'eerder', facts, 'locatie'),
});

const keeps = (now: LocationFacts, before: LocationFacts = FEANWALDEN) => {
  const current = [{ record: toMatchRecord('lijst2025:2', 'lijst2025', now, 'locatie'), identityKey: 'nu' }];
  const assignment = assignIdentities(current, [earlier(before)]);
  return assignment.ids.get('lijst2025:2') === 'LSP-0000000001' ? assignment.matches[0]?.decision.rule : undefined;
};

describe('identity across years when the municipality differs', () => {
  it('keeps the id when name, organisation and place agree and only the municipality differs', () => {
    expect(keeps({ ...FEANWALDEN, gm_code: 'GM0737' })).toBe('zelfde naam, organisatie en plaats; andere gemeente');
    // A place written without its diacritics is the same place.
    expect(keeps({ ...FEANWALDEN, place: 'Feanwalden', gm_code: 'GM0737' })).toBeDefined();
  });

  it('keeps two steunpunten with one name in neighbouring municipalities but different places apart', () => {
    expect(keeps({ ...FEANWALDEN, place: 'Feanwâlsterwâl', gm_code: 'GM0737' })).toBeUndefined();
    const noordwijk = { name: 'STIP Noordwijk', organisation: 'Stichting Lumen Holland Rijnland', place: 'Noordwijk', gm_code: 'GM0575', iza_region: 'Holland Rijnland' };
    expect(keeps({ ...noordwijk, place: 'Noordwijkerhout', gm_code: 'GM0576' }, noordwijk)).toBeUndefined();
  });

  it('does not let a shared place name join municipalities of different IZA-regions', () => {
    const bergen = { name: 'Inloophuis Bergen', organisation: 'Stichting Inloop', place: 'Bergen', gm_code: 'GM0373', iza_region: 'Noord-Holland Noord' };
    expect(keeps({ ...bergen, gm_code: 'GM0893', iza_region: 'Noord- en Midden-Limburg' }, bergen)).toBeUndefined();
  });

  it('needs the organisation on both sides and the same one', () => {
    expect(keeps({ ...FEANWALDEN, organisation: undefined, gm_code: 'GM0737' })).toBeUndefined();
    expect(keeps({ ...FEANWALDEN, organisation: 'Kwadraad', gm_code: 'GM0737' })).toBeUndefined();
  });

  it('still tells two addresses apart by their full postcodes', () => {
    const before = { ...FEANWALDEN, postcode: '9269 TA' };
    expect(keeps({ ...FEANWALDEN, postcode: '9269 TB', gm_code: 'GM0737' }, before)).toBeUndefined();
    expect(keeps({ ...FEANWALDEN, postcode: '9269 TA', gm_code: 'GM0737' }, before)).toBeDefined();
  });
});
