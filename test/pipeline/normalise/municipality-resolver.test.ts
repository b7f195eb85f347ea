import { describe, expect, it } from 'vitest';
import { createMunicipalityResolver, type LocationInput } from '../../../pipeline/normalise/municipality-resolver.ts';
import { loadReferenceData } from '../../../sources/reference/load.ts';

const resolver = createMunicipalityResolver(loadReferenceData());

function resolvedCode(input: LocationInput): string | undefined {
  const resolution = resolver.resolve(input);
  return resolution.kind === 'resolved' ? resolution.gmCode : undefined;
}

describe('municipality names as De Galan 2024 printed them', () => {
  it.each([
    ['Dongeradeel', 'GM1970', 'gemeente-fusie'],
    ['Dongeradeel / Dokkum', 'GM1970', 'gemeente-fusie'],
    ['Dongeradeel/ Dokkum', 'GM1970', 'gemeente-fusie'],
    ['Zuidhorn', 'GM1969', 'gemeente-fusie'],
    ['Leek', 'GM1969', 'gemeente-fusie'],
    ['Eemsmond', 'GM1966', 'gemeente-fusie'],
    ['Kollumerland en Nieuwkruisland', 'GM1970', 'gemeente-fusie'],
    ['Uden', 'GM1991', 'gemeente-fusie'],
    ['‘s-Heerenberg', 'GM1955', 'plaats'],
    ['Franeker', 'GM1949', 'plaats'],
    ['Sint Annaparochie', 'GM1949', 'plaats'],
    ['Steenwijk', 'GM1708', 'plaats'],
    ['Den Haag', 'GM0518', 'gemeente'],
    ['Alphen a/d Rijn', 'GM0484', 'gemeente'],
    ["'s-Hertogenbosch", 'GM0796', 'gemeente'],
  ])('%s → %s (%s)', (municipality, gmCode, basis) => {
    expect(resolver.resolve({ municipality })).toMatchObject({ kind: 'resolved', gmCode, basis });
  });

  it('names the current municipality, its province and IZA-regio', () => {
    expect(resolver.resolve({ municipality: 'Dongeradeel / Dokkum' })).toEqual({
      kind: 'resolved',
      gmCode: 'GM1970',
      municipalityName: 'Noardeast-Fryslân',
      province: 'Friesland',
      izaRegion: 'Friesland',
      basis: 'gemeente-fusie',
      note: "'Dongeradeel / Dokkum' gelezen als gemeente Noardeast-Fryslân (delen: 'Dongeradeel', 'Dokkum')",
    });
  });

  it('says when a place name was read as the municipality', () => {
    expect(resolver.resolve({ municipality: 'Steenwijk' })).toMatchObject({
      note: "plaatsnaam 'Steenwijk' gelezen als gemeente Steenwijkerland",
    });
    expect(resolver.resolve({ municipality: 'Uden' })).toMatchObject({ note: "gemeente 'Uden' is opgegaan in Maashorst" });
  });
});

describe('names with a province suffix', () => {
  it('reads "Hengelo (O.)" and "hengelo" as Hengelo in Overijssel (the 2024 CBS list names it plain "Hengelo")', () => {
    expect(resolver.resolve({ municipality: 'HENGELO (O.)' })).toMatchObject({ gmCode: 'GM0164', basis: 'gemeente' });
    expect(resolver.resolve({ municipality: 'hengelo' })).toMatchObject({ gmCode: 'GM0164', basis: 'gemeente' });
  });

  it('does not read the place "Hengelo" as Hengelo (O.): its tenth PC4 point is the village Hengelo in Bronckhorst', () => {
    expect(resolvedCode({ place: 'Hengelo' })).toBeUndefined();
    expect(resolvedCode({ place: 'Hengelo (Gld)' })).toBeUndefined();
    expect(resolver.resolve({ place: 'Hengelo', municipality: 'Bronckhorst' })).toMatchObject({ gmCode: 'GM1876' });
  });

  it('reads the place "Amsterdam" as Amsterdam although one of its PC4 points is geocoded in Ouder-Amstel', () => {
    expect(resolver.resolve({ place: 'Amsterdam' })).toMatchObject({ gmCode: 'GM0363', basis: 'plaats' });
  });

  it('does not pick one of the two Bergens', () => {
    expect(resolver.resolve({ municipality: 'Bergen' })).toEqual({
      kind: 'unresolved',
      field: 'gemeente',
      reason: "gemeente 'Bergen' is niet eenduidig: Bergen (NH.) (GM0373) of Bergen (L.) (GM0893); ook geen IZA-regio opgegeven",
    });
    expect(resolvedCode({ place: 'Bergen' })).toBeUndefined();
    expect(resolver.resolve({ municipality: 'Bergen (NH.)' })).toMatchObject({ gmCode: 'GM0373', basis: 'gemeente' });
    expect(resolvedCode({ municipality: 'Bergen (L.)' })).toBe('GM0893');
  });

  it('lets the place decide when the municipality is ambiguous', () => {
    expect(resolver.resolve({ municipality: 'Bergen', place: 'Schoorl' })).toMatchObject({ gmCode: 'GM0373', basis: 'plaats' });
  });
});

describe('municipalities that were split', () => {
  it('does not resolve Haaren or Winsum by name', () => {
    expect(resolver.resolve({ municipality: 'Haaren' })).toMatchObject({ kind: 'unresolved', field: 'gemeente' });
    expect(resolver.resolve({ municipality: 'Winsum' })).toMatchObject({ kind: 'unresolved', field: 'gemeente' });
  });

  it('does not resolve the Haaren code, but lets a place decide', () => {
    expect(resolver.resolve({ gmCode: 'GM0788' })).toMatchObject({ kind: 'unresolved', field: 'gemeentecode' });
    expect(resolver.resolve({ gmCode: 'GM0788', place: 'Biezenmortel' })).toMatchObject({ gmCode: 'GM0855', basis: 'plaats' });
  });
});

describe('order of evidence', () => {
  it('lets a postcode win over a municipality that contradicts it', () => {
    expect(resolver.resolve({ postcode: '1011 AB', municipality: 'Utrecht' })).toMatchObject({
      kind: 'resolved',
      gmCode: 'GM0363',
      basis: 'postcode',
      note: "gemeente 'Utrecht' wijst naar Utrecht (GM0344); postcode '1011 AB' gaat voor",
    });
  });

  it('falls through an unknown postcode to the municipality, with a note', () => {
    expect(resolver.resolve({ postcode: '1000', municipality: 'Utrecht' })).toMatchObject({
      gmCode: 'GM0344',
      basis: 'gemeente',
      note: "postcode '1000' niet gevonden in de PC4-tabel",
    });
  });

  it('follows a former CBS code to the current one', () => {
    expect(resolver.resolve({ gmCode: 'GM0058' })).toMatchObject({ gmCode: 'GM1970', basis: 'gemeentecode' });
    expect(resolver.resolve({ gmCode: 'GM9999' })).toMatchObject({ kind: 'unresolved', field: 'gemeentecode' });
  });

  it('prefers the municipality over a place that points elsewhere', () => {
    // Feanwâlden lies in Dantumadiel; its 2014 PC4 point falls just inside Tytsjerksteradiel.
    expect(resolver.resolve({ municipality: 'Dantumadiel', place: 'Feanwâlden' })).toMatchObject({ gmCode: 'GM1891', basis: 'gemeente' });
  });

  it('tries the place when the municipality is unknown', () => {
    expect(resolver.resolve({ municipality: 'Atlantis', place: 'Dokkum' })).toMatchObject({
      gmCode: 'GM1970',
      basis: 'plaats',
      note: "gemeente 'Atlantis' niet gevonden",
    });
  });
});

describe('when no municipality can be found', () => {
  it('keeps TeamED16 in its IZA-regio', () => {
    expect(resolver.resolve({ izaRegion: 'Apeldoorn / Zutphen' })).toEqual({
      kind: 'region-only',
      izaRegion: 'Apeldoorn / Zutphen',
      province: 'Gelderland',
      reason: 'gemeente onbekend: geen gemeente of plaats opgegeven',
    });
  });

  it('reads a Bijlage 1 heading as the region', () => {
    expect(resolver.resolve({ municipality: 'Atlantis', izaRegion: 'ZHE-BAR' })).toEqual({
      kind: 'region-only',
      izaRegion: 'ZHE-BAR (Zuid Hollandse Eilanden en BAR gemeenten)',
      province: 'Zuid-Holland',
      reason: "gemeente onbekend: gemeente 'Atlantis' niet gevonden",
    });
  });

  it('says why, in Dutch, when there is no region either', () => {
    expect(resolver.resolve({ municipality: 'Atlantis' })).toEqual({
      kind: 'unresolved',
      field: 'gemeente',
      reason: "gemeente 'Atlantis' niet gevonden; ook geen IZA-regio opgegeven",
    });
    expect(resolver.resolve({ izaRegion: 'Atlantis' })).toEqual({
      kind: 'unresolved',
      field: 'iza_regio',
      reason: "geen postcode, gemeentecode, gemeente of plaats opgegeven; IZA-regio 'Atlantis' onbekend",
    });
  });
});

describe('place names', () => {
  it.each([
    ['St. Willebrord', 'GM0840'],
    ['Krimpen a/d Lek', 'GM1931'],
    ['Den Haag', 'GM0518'],
    ['’s-Hertogenbosch', 'GM0796'],
    ['Halderberge', 'GM1655'],
  ])('%s → %s', (place, gmCode) => {
    expect(resolvedCode({ place })).toBe(gmCode);
  });

  it('does not resolve a place that lies in two municipalities', () => {
    expect(resolver.resolve({ place: 'Haren' })).toMatchObject({ kind: 'unresolved', field: 'plaats' });
  });
});

describe('what a text says is worked out once per field', () => {
  it('reads the same text as a municipality and as a place each with its own message, in either order', () => {
    const fresh = createMunicipalityResolver(loadReferenceData());
    expect(fresh.resolve({ place: 'Atlantis' })).toMatchObject({ kind: 'unresolved', field: 'plaats', reason: expect.stringContaining("plaats 'Atlantis' niet gevonden") });
    expect(fresh.resolve({ municipality: 'Atlantis' })).toMatchObject({ kind: 'unresolved', field: 'gemeente', reason: expect.stringContaining("gemeente 'Atlantis' niet gevonden") });
    expect(fresh.resolve({ place: 'Atlantis' })).toMatchObject({ field: 'plaats' });
  });

  it('gives a repeated row the same resolution as the first, with the contradiction named by the row’s own fields', () => {
    const fresh = createMunicipalityResolver(loadReferenceData());
    const input = { postcode: '9101 AB', municipality: 'Utrecht', place: 'Dokkum' };
    const first = fresh.resolve(input);
    expect(first).toMatchObject({ kind: 'resolved', gmCode: 'GM1970', basis: 'postcode', note: expect.stringContaining("gemeente 'Utrecht' wijst naar Utrecht (GM0344); postcode '9101 AB' gaat voor") });
    expect(fresh.resolve(input)).toEqual(first);
    expect(fresh.resolve({ ...input, postcode: '9102 AB' })).toMatchObject({ note: expect.stringContaining("postcode '9102 AB' gaat voor") });
  });
});
