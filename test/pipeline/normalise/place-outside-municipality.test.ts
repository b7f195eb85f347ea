import { describe, expect, it } from 'vitest';
import { createMunicipalityResolver } from '../../../pipeline/normalise/municipality-resolver.ts';
import { placeOutsideMunicipality } from '../../../pipeline/normalise/place-outside-municipality.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';

const resolver = createMunicipalityResolver(loadReferenceData());
const check = (input: Parameters<typeof placeOutsideMunicipality>[1]) => placeOutsideMunicipality(resolver, input);

describe('placeOutsideMunicipality', () => {
  it('flags a place that lies in another municipality than the written one, naming all three', () => {
    expect(check({ place: 'Feanwâlden', municipality: 'Dantumadiel' })).toEqual([
      'plaats ligt niet in gemeente: Feanwâlden ligt in Tytsjerksteradiel, niet in de opgegeven gemeente Dantumadiel',
    ]);
    expect(check({ place: 'Feanwâlden', gmCode: 'GM1891' })).toEqual([
      'plaats ligt niet in gemeente: Feanwâlden ligt in Tytsjerksteradiel, niet in de opgegeven gemeente GM1891',
    ]);
  });

  it('flags a postcode outside the written municipality', () => {
    expect(check({ postcode: '9269 TA', municipality: 'Dantumadiel' })).toEqual([
      'plaats ligt niet in gemeente: postcode 9269 TA ligt in Tytsjerksteradiel, niet in de opgegeven gemeente Dantumadiel',
    ]);
  });

  it('says nothing when place and municipality agree, including a former municipality and a place read through a merger', () => {
    expect(check({ place: 'Feanwâlden', municipality: 'Tytsjerksteradiel' })).toEqual([]);
    expect(check({ place: 'Noordwijkerhout', municipality: 'Noordwijk' })).toEqual([]);
    expect(check({ place: 'Dokkum', municipality: 'Dongeradeel / Dokkum' })).toEqual([]);
  });

  it('says nothing when a field can mean several municipalities or nothing is written to compare with', () => {
    expect(check({ place: 'Bergen', municipality: 'Bergen (NH.)' })).toEqual([]);
    expect(check({ place: 'Hengelo', municipality: 'Bronckhorst' })).toEqual([]);
    expect(check({ place: 'Feanwâlden' })).toEqual([]);
    expect(check({ place: 'Feanwâlden', municipality: 'Nergenshuizen' })).toEqual([]);
  });
});
