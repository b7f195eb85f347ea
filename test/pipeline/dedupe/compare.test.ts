/**
 * Pairs the synthetic benchmark showed judged wrongly, each as the lists write it: typing slips,
 * a municipality given as the place, and an organisation whose name holds a town.
 */
import { describe, expect, it } from 'vitest';
import { comparePair } from '../../../pipeline/dedupe/compare.ts';
import { toMatchRecord, type LocationFacts } from '../../../pipeline/dedupe/records.ts';

const record = (id: string, facts: LocationFacts) => toMatchRecord(id, id.split(':')[0]!, facts, 'locatie');
const outcome = (a: LocationFacts, b: LocationFacts) => comparePair(record('a:2', a), record('b:2', b)).outcome;

describe('comparePair', () => {
  it('takes one slipped letter for the same word, also where Jaro-Winkler scores it below 0.92', () => {
    const lopik = { place: 'Polsbroek', municipality: 'Lopik', gm_code: 'GM0331' };
    expect(outcome({ name: 'Stichting Goudwijk', ...lopik }, { name: 'Stichting Gouwdijk', ...lopik })).toBe('zelfde');
    const rijssen = { place: 'Rijssen', municipality: 'Rijssen-Holten', gm_code: 'GM1742' };
    expect(
      outcome(
        { name: 'Steunpunt Spechtenstede', ...rijssen },
        { name: 'Steunpunt Speechtenstede (Stichting Welzijnswerk Rijssen-Holten)', organisation: 'Stichting Welzijnswerk Rijssen-Holten', ...rijssen },
      ),
    ).toBe('zelfde');
    const zomerveen = { place: 'Emmen', municipality: 'Emmen', gm_code: 'GM0114' };
    expect(outcome({ name: 'Hrstelcafé Zomerveen', ...zomerveen }, { name: 'Herstelcafé Zomerveen', ...zomerveen })).toBe('zelfde');
  });

  it('does not merge two words that differ by more than one slip', () => {
    const tilburg = { place: 'Tilburg', municipality: 'Tilburg', gm_code: 'GM0855' };
    expect(outcome({ name: 'Herstelcafé Lindenhof', ...tilburg }, { name: 'Herstelcafé Lindeboom', ...tilburg })).not.toBe('zelfde');
  });

  it('merges a place given as the municipality with a place in it', () => {
    expect(
      outcome(
        { name: 'Inloop Lenteplein', place: 'Ommen', municipality: 'Ommen', gm_code: 'GM0175' },
        { name: 'INLOOP LENTEPLEIN', organisation: 'Stichting Ommen Welzijn', place: 'Stegeren', municipality: 'Ommen', gm_code: 'GM0175' },
      ),
    ).toBe('zelfde');
  });

  it('merges a place given as the municipality also when a name carries the place with a slip, or the organisation in brackets', () => {
    const noordenveld = { municipality: 'Noordenveld', gm_code: 'GM1699' };
    expect(
      outcome({ name: 'Lotgenotencafé Fowxolde', place: 'Noordenveld', ...noordenveld }, { name: 'Lotgenotencafé Foxwolde', place: 'Foxwolde', ...noordenveld }),
    ).toBe('zelfde');
    const reusel = { organisation: 'Welzijnswerk Reusel-De Mierden', municipality: 'Reusel-De Mierden', gm_code: 'GM1667' };
    expect(
      outcome(
        { name: 'Inloop Biespark', place: 'Reusel-De Mierden', ...reusel },
        { name: 'Inloop Biespark (Welzijnswerk Reusel-De Mierden)', place: 'Reusel', ...reusel },
      ),
    ).toBe('zelfde');
  });

  it('reads "ED plaaats" and "ED platas" as EDplaats', () => {
    const marken = { organisation: 'TEAM ED', place: 'Marken', municipality: 'Waterland', gm_code: 'GM0852' };
    expect(outcome({ name: 'EDplaats Marken', ...marken }, { name: 'ED plaaats Marken', ...marken })).toBe('zelfde');
    expect(outcome({ name: 'ED platas Marken', ...marken }, { name: 'ED-plaats Marken', ...marken })).toBe('zelfde');
  });

  it('does not take the municipality as place for the village another name is called after', () => {
    const welzijn = { organisation: 'Welzijnswerk Gemert-Bakel', municipality: 'Gemert-Bakel', gm_code: 'GM1652' };
    expect(outcome({ name: 'Steunpunt Uilenweide', place: 'Gemert-Bakel', ...welzijn }, { name: 'steunpunt bakel', place: 'Bakel', ...welzijn })).toBe(
      'verschillend',
    );
    const horst = { organisation: 'Horst aan de Maas Welzijn', municipality: 'Horst aan de Maas', gm_code: 'GM1507' };
    expect(outcome({ name: 'Inloop Horst', place: 'Horst', ...horst }, { name: 'Inloop Goudhage', place: 'Horst aan de Maas', ...horst })).toBe('verschillend');
  });

  it('leaves STIP Noordwijk (Noordwijk) and STIP Noordwijkerhout for review: the second name carries its own place', () => {
    const lumen = { organisation: 'Stichting Lumen Holland Rijnland', municipality: 'Noordwijk', gm_code: 'GM0575' };
    expect(outcome({ name: 'STIP Noordwijk', place: 'Noordwijk', ...lumen }, { name: 'STIP Noordwijkerhout', place: 'Noordwijkerhout', ...lumen })).toBe(
      'te beoordelen',
    );
  });

  it('does not take a town in the organisation for the location', () => {
    const mierlo = { place: 'Mierlo', municipality: 'Geldrop-Mierlo', gm_code: 'GM1771' };
    expect(
      outcome({ name: 'inloop mierlo', ...mierlo }, { name: 'Sociale inloop Roggeweide', organisation: 'Stichting Geldrop-Mierlo Welzijn', ...mierlo }),
    ).toBe('verschillend');
    const sittard = { place: 'Sittard', municipality: 'Sittard-Geleen', gm_code: 'GM1883' };
    expect(
      outcome(
        { name: 'Sociale inloop Sittard', organisation: 'Welzijnswerk Sittard-Geleen', postcode: '6131 WQ', ...sittard },
        {
          name: 'Stichting Welzijnswerk Sittard-Geleen Sociale inloop Paardenbuurt',
          organisation: 'Stichting Welzijnswerk Sittard-Geleen',
          ...sittard,
        },
      ),
    ).toBe('verschillend');
  });

  it('still merges a name written with its organisation before it', () => {
    const houten = { place: 'Houten', municipality: 'Houten', gm_code: 'GM0321' };
    expect(outcome({ name: 'Kwintes Herstelcafé Lindenhof', ...houten }, { name: 'Herstelcafé Lindenhof', organisation: 'Kwintes', ...houten })).toBe(
      'zelfde',
    );
  });
});
