/**
 * The words steunpunt names are made of. A location is "<kind> <phrase>" ("Herstelcafé
 * Lindenhof", "EDplaats Noord Molenwijk", "Sociale inloop Dokkum"); the phrase tells locations of
 * one municipality apart. The phrase words are Dutch neighbourhood-style compounds, filtered so
 * that no two are near-spellings of each other (Jaro-Winkler < 0.9, none inside another): two
 * distinct steunpunten in one town do not carry names a typo apart.
 */
import { jaroWinkler } from '../../../pipeline/dedupe/jaro-winkler.ts';
import { normaliseKey } from '../../../pipeline/normalise/text-key.ts';

export interface LocationKind {
  /** The name as a source writes it, before the phrase. */
  label: string;
  weight: number;
  /** Who usually runs it. */
  runBy: 'provider' | 'welzijn' | 'team-ed' | 'zelfregie' | 'self' | 'none';
}

export const LOCATION_KINDS: readonly LocationKind[] = [
  { label: 'Herstelcafé', weight: 14, runBy: 'provider' },
  { label: 'Inloop', weight: 12, runBy: 'welzijn' },
  { label: 'Sociale inloop', weight: 8, runBy: 'welzijn' },
  { label: 'EDplaats', weight: 6, runBy: 'team-ed' },
  { label: 'Zelfregiecentrum', weight: 7, runBy: 'zelfregie' },
  { label: 'Herstelacademie', weight: 6, runBy: 'provider' },
  { label: 'Huiskamer', weight: 8, runBy: 'none' },
  { label: 'Ontmoetingscentrum', weight: 6, runBy: 'welzijn' },
  { label: 'Stadskamer', weight: 5, runBy: 'provider' },
  { label: 'Herstelwerkplaats', weight: 5, runBy: 'provider' },
  { label: 'Steunpunt', weight: 5, runBy: 'welzijn' },
  { label: 'Stichting', weight: 10, runBy: 'self' },
  { label: 'Lotgenotencafé', weight: 4, runBy: 'none' },
];

/** Regional providers of ggz and social care (names as the field knows them). */
export const PROVIDERS: readonly string[] = [
  'Kwintes', 'Lister', 'Cordaan', 'Pameijer', 'Perceval', 'Iriszorg', 'Zienn', 'Amarant', 'Leger des Heils',
  'HVO-Querido', 'Promens Care', 'RIBW Brabant', 'RIBW Nijmegen & Rivierenland', 'Impuls', 'Prezzent',
  'Mentrum', 'Arkin', 'GGZ Centraal', 'GGz Breburg', 'Emergis', 'Mondriaan', 'Lentis', 'Dimence', 'Mediant',
  'Tactus', 'Antes', 'Parnassia', 'Rivierduinen', 'GGZ Drenthe', 'Accare', 'Kenter', 'Reinier van Arkel',
  'Propersona', 'Pro Persona Welzijn', 'Kwadrant', 'Vivenz', 'Fivoor', 'Inforsa', 'Enver', 'Humanitas',
];

export const DISTRICTS: readonly string[] = [
  'Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Binnenstad', 'Stadshart', 'Buitenwijk', 'Haven', 'Kern',
  'Station', 'Boulevard', 'Kanaal', 'Spoorzijde',
];

const FIRST_PARTS = [
  'linden', 'eiken', 'beuken', 'wilgen', 'berken', 'essen', 'iepen', 'populieren', 'kastanje', 'acacia',
  'zonne', 'molen', 'kerk', 'sluis', 'water', 'berg', 'bloemen', 'vogel', 'rozen', 'tulpen', 'lelie',
  'klaver', 'heide', 'polder', 'toren', 'markt', 'bron', 'vlinder', 'merel', 'lijster', 'zwaluw',
  'reiger', 'kievit', 'meeuwen', 'zilver', 'goud', 'koren', 'tarwe', 'rogge', 'hop', 'vlas', 'schapen',
  'paarden', 'kraaien', 'uilen', 'valken', 'spechten', 'dahlia', 'jasmijn', 'seringen', 'hazel',
  'esdoorn', 'platanen', 'dennen', 'sparren', 'cederen', 'hulst', 'vlier', 'brem', 'riet', 'bies',
  'kroon', 'ster', 'maan', 'zomer', 'winter', 'lente', 'herfst', 'regenboog', 'parel', 'koraal',
];
const SECOND_PARTS = [
  'hof', 'plein', 'laan', 'kwartier', 'buurt', 'wijk', 'park', 'gaarde', 'kamp', 'weide', 'erf', 'hage',
  'kade', 'singel', 'lust', 'oord', 'rijk', 'stede', 'dal', 'bosch', 'veen', 'akker', 'beemd', 'hoeve',
];
const SINGLE_WORDS = [
  'De Brug', 'Het Anker', 'De Vonk', 'Het Baken', 'Het Kompas', 'De Horizon', 'De Overkant', 'De Boei',
  'Het Lichtpunt', 'De Schakel', 'De Wissel', 'Het Trefpunt', 'De Kajuit', 'De Vuurtoren', 'De Regenjas',
  'Het Open Huis', 'De Kaai', 'De Steiger', 'De Ruimte', 'Het Gebouw',
];

/** Phrase words, capitalised, in a fixed order; no two alike. */
export function phraseWords(): string[] {
  const candidates = [
    ...SINGLE_WORDS,
    ...FIRST_PARTS.flatMap((first) => SECOND_PARTS.map((second) => capitalise(`${first}${second}`))),
  ];
  const reserved = [
    ...DISTRICTS,
    ...PROVIDERS,
    ...LOCATION_KINDS.map((kind) => kind.label),
    'Welzijn', 'Zelfregie', 'Team', 'Stichting',
  ].flatMap((text) => normaliseKey(text).split(' '));
  const kept: string[] = [];
  const keptKeys: string[] = [];
  for (const word of candidates) {
    const key = normaliseKey(word).split(' ').at(-1) ?? '';
    if (reserved.some((other) => alike(key, other))) continue;
    if (keptKeys.some((other) => alike(key, other))) continue;
    kept.push(word);
    keptKeys.push(key);
  }
  return kept;
}

/** Two name words a matcher could take for one: near-identical, or one inside the other. */
export function alike(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a))) return true;
  return jaroWinkler(a, b) >= 0.9;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
