/**
 * Opening hours → dagdelen per week: every form the lists use (REAL-SHAPES.md, "Lists from
 * regions and organisations"), the issue's examples, and the texts that must stay unknown.
 */
import { describe, expect, it } from 'vitest';
import { DagdeelRule, dagdelenFromOpeningHours, OpeningHoursResult, partsCovered } from '../../../sources/inventory/opening-hours.ts';

const dagdelen = (text: string, rule?: DagdeelRule) => {
  const result = dagdelenFromOpeningHours(text, rule);
  expect(OpeningHoursResult.safeParse(result).success).toBe(true);
  return result.kind === 'parsed' ? result.dagdelen : result.reason;
};

describe('the examples of issue 12', () => {
  it.each([
    ['di en vr 13.00-17.00', 2],
    ['maandag t/m vrijdag 9:00-17:00', 10],
    ['za 10-12', 1],
    ['woensdagmiddag', 1],
    ['ma 10.00-16.00 en do 19.00-21.00', 3],
    ['ma, wo en vr 10.00 – 14.00 uur', 3],
  ])('%s → %i', (text, expected) => {
    expect(dagdelen(text)).toBe(expected);
  });
});

describe('forms of days, ranges, lists and times', () => {
  it.each([
    // days in full, abbreviated, with a dot, in any case
    ['maandag 10-12', 1],
    ['ma. 10:00-12:00', 1],
    ['Ma 10.00-12.00', 1],
    ['MA 10-12', 1],
    ['Woe 10-12', 1],
    ['dinsdags van 10 tot 12 uur', 1],
    // ranges
    ['ma t/m vr 10-12', 5],
    ['ma tm vr 10-12', 5],
    ['ma-do 10-12', 4],
    ['ma - do 10-12', 4],
    ['maandag tot en met donderdag 10-12', 4],
    ['maandag tot donderdag 10-12', 4],
    ['vr t/m ma 10-12', 4],
    // lists
    ['ma, wo en vr 10-12', 3],
    ['di & do 10-12', 2],
    ['di/do 10-12', 2],
    ['ma, ma en di 10-12', 2],
    // sets of days
    ['dagelijks 10-12', 7],
    ['elke dag van 10 tot 12', 7],
    ['werkdagen 10-12', 5],
    ['in het weekend 10-12', 2],
    ['elke zaterdag van 11:00 tot 14:00', 1],
    // times
    ['di 10 uur - 12 uur', 1],
    ['di van 10 tot 14 uur', 1],
    ['di 10u-14u', 1],
    ['di 9.30-12.30', 1],
    ['di 10–14', 1],
    ['di 10—14', 1],
    ['di 10 – 14', 1],
    ['di tussen 10 en 14 uur', 1],
    ['10.00-14.00 uur op ma, wo en vr', 3],
    // parts joined to days, or after them
    ['dinsdagmiddag', 1],
    ['woensdagochtend', 1],
    ['vrijdagavond', 1],
    ['ma-ochtend', 1],
    ['zaterdagmorgen', 1],
    ['dinsdagmiddag en donderdagochtend', 2],
    ['ma en wo middag', 2],
    ["di 's avonds", 1],
    ['ma t/m vr ochtend', 5],
    ['ma-ochtend en ma-middag', 2],
    // several openings
    ['ma 10.00-16.00 en do 19.00-21.00', 3],
    ['ma 10-16; do 19-21', 3],
    ['ma 10-16 / do 19-21', 3],
    ['ma 10-16\ndo 19-21', 3],
    ['ma 10-12 en 14-16', 2],
    ['di 10-12, di 10-12', 1],
    ['di 10-12 en di 10:30-11:30', 1],
    // closed days
    ['ma t/m vr 10-16, wo gesloten', 8],
    ['ma t/m vr 10-16 behalve wo', 8],
    ['ma t/m vr behalve wo 10-16', 8],
  ])('%j → %i', (text, expected) => {
    expect(dagdelen(text)).toBe(expected);
  });
});

describe('real-looking lists', () => {
  it.each([
    ['Inloop: dinsdag en donderdag van 10.00 tot 15.00 uur (niet in de zomervakantie)', 4],
    ['Maandag: 10:00 - 16:00\nDinsdag: gesloten\nWoensdag: 10:00 - 16:00', 4],
    ['Ma t/m Vr 09.30 – 16.30 uur, Za 11.00 – 14.00 uur', 11],
    ['Open inloop op maandag-, woensdag- en vrijdagmiddag', 3],
    ['di- en do-avond', 2],
    ['Maandag t/m donderdag van 10.00 tot 16.00 uur, vrijdag van 10.00 tot 13.00 uur', 9],
    ['di, do: 13:30 - 16:30 uur; zo: 14:00 - 17:00 uur', 3],
    ['Elke woensdagavond van 19.00 tot 21.30 uur', 1],
    ['ma t/m zo 9-22', 21],
    ['Dagelijks geopend van 09.00 - 21.00 uur', 21],
    ['Ma-Vr 9:00-17:00, Za-Zo gesloten', 10],
    ['Di. 10.00 - 12.00 uur & Do. 13.30 - 15.30 uur', 2],
    ['Inloop elke werkdag van 9 tot 17', 10],
    ['ma t/m do 10-16 vr 10-13', 9],
    ['Iedere dinsdag- en donderdagmiddag', 2],
    ['di t.m. do 10-12', 3],
    ['Dinsdag 10-12 (op afspraak)', 1],
    ['dagelijks behalve zondag 10-16', 12],
  ])('%j → %i', (text, expected) => {
    expect(dagdelen(text)).toBe(expected);
  });
});

describe('the rule', () => {
  it('counts each part covered for at least two hours, and else the part covered most', () => {
    expect(partsCovered({ from: 9 * 60, to: 17 * 60 })).toEqual(['ochtend', 'middag']);
    expect(partsCovered({ from: 11 * 60, to: 14 * 60 })).toEqual(['ochtend']);
    expect(partsCovered({ from: 12 * 60 + 30, to: 14 * 60 })).toEqual(['middag']);
    expect(partsCovered({ from: 12 * 60, to: 14 * 60 })).toEqual(['ochtend']);
    expect(partsCovered({ from: 16 * 60, to: 20 * 60 })).toEqual(['middag', 'avond']);
    expect(partsCovered({ from: 10 * 60, to: 10 * 60 + 30 })).toEqual(['ochtend']);
  });

  it('takes another rule when given one', () => {
    const rule = DagdeelRule.parse({ morningUntil: '12:00', eveningFrom: '17:00', minimumHours: 1 });
    expect(dagdelen('ma 10-14', rule)).toBe(2);
    expect(dagdelen('ma 16-18', rule)).toBe(2);
    expect(dagdelen('ma 10-14')).toBe(1);
  });

  it('refuses a rule whose morning ends after the evening starts', () => {
    expect(DagdeelRule.safeParse({ morningUntil: '19:00', eveningFrom: '18:00', minimumHours: 2 }).success).toBe(false);
  });

  it('lists the openings it counted', () => {
    expect(dagdelenFromOpeningHours('ma 10.00-16.00 en do 19.00-21.00')).toEqual({
      kind: 'parsed',
      dagdelen: 3,
      openings: [
        { day: 'ma', from: '10:00', to: '16:00', parts: ['ochtend', 'middag'] },
        { day: 'do', from: '19:00', to: '21:00', parts: ['avond'] },
      ],
    });
    expect(dagdelenFromOpeningHours('woensdagmiddag')).toEqual({
      kind: 'parsed',
      dagdelen: 1,
      openings: [{ day: 'wo', from: null, to: null, parts: ['middag'] }],
    });
  });
});

describe('texts that stay unknown, with a Dutch reason', () => {
  it.each([
    ['op afspraak', "geen dagen of tijden herkend in 'op afspraak'"],
    ['wisselend', "geen dagen of tijden herkend in 'wisselend'"],
    ['zie website', "geen dagen of tijden herkend in 'zie website'"],
    ['', 'geen openingstijden ingevuld'],
    ['   ', 'geen openingstijden ingevuld'],
    ['ma, wo en vr', "dagen zonder tijden of dagdelen in 'ma, wo en vr': aantal dagdelen niet te bepalen"],
    ['dagelijks', "dagen zonder tijden of dagdelen in 'dagelijks': aantal dagdelen niet te bepalen"],
    ['10.00-14.00 uur', "tijden zonder dagen in '10.00-14.00 uur'"],
    ['ma vanaf 10 uur', "tijd zonder begin of eind ('10 uur') in 'ma vanaf 10 uur'"],
    ['vr 20.00-01.00', "eindtijd ligt niet na begintijd ('20.00-01.00'; openingen over middernacht worden niet geteld) in 'vr 20.00-01.00'"],
    ['di 14-10', "eindtijd ligt niet na begintijd ('14-10'; openingen over middernacht worden niet geteld) in 'di 14-10'"],
    ['di 10-25', "ongeldige tijd ('10-25') in 'di 10-25'"],
    ['di 10.75-12', "ongeldige tijd ('10.75-12') in 'di 10.75-12'"],
    ['om de week op dinsdag 10-12', "niet elke week open ('om de week' in 'om de week op dinsdag 10-12'): dagdelen per week niet te bepalen"],
    ['eerste maandag van de maand 19-21', "niet elke week open ('eerste maandag' in 'eerste maandag van de maand 19-21'): dagdelen per week niet te bepalen"],
    ['1x per maand op za 10-12', "niet elke week open ('1x per maand' in '1x per maand op za 10-12'): dagdelen per week niet te bepalen"],
    ['wo gesloten', "alle genoemde dagen zijn gesloten in 'wo gesloten'"],
    ['vrij toegankelijk', "geen dagen of tijden herkend in 'vrij toegankelijk'"],
    ['za 10-12 uur en zo', "dagen zonder tijden of dagdelen in 'za 10-12 uur en zo': aantal dagdelen niet te bepalen"],
    // An exception written as a lone end time is refused rather than half-read.
    [
      'Maandag t/m vrijdag 10.00-16.00 uur (vrijdag tot 14.00 uur)',
      "tijd zonder begin of eind ('14.00 uur') in 'Maandag t/m vrijdag 10.00-16.00 uur (vrijdag tot 14.00 uur)'",
    ],
  ])('%j', (text, reason) => {
    expect(dagdelenFromOpeningHours(text)).toEqual({ kind: 'unknown', reason });
  });
});
