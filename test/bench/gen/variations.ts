/**
 * How one source writes a steunpunt differently from another: the duplicate model. Every
 * variation is one that occurs in real lists (README: "Duplicate model"); each is drawn
 * independently per listing, with the probabilities below.
 */
import type { Random } from './random.ts';

export const VARIATION_RATES = {
  /** Name in capitals or in lower case. */
  nameCase: 0.12,
  /** Accents dropped ("Herstelcafe"). */
  noDiacritics: 0.2,
  /** "ED-plaats" / "ED plaats" for "EDplaats". */
  edSpelling: 0.3,
  /** "Stichting" added to, or dropped from, the organisation. */
  stichtingToggled: 0.25,
  /** Organisation column left empty. */
  organisationDropped: 0.15,
  /** Organisation written before the name ("Kwintes Herstelcafé Lindenhof"). */
  organisationPrepended: 0.08,
  /** Organisation in brackets after the name ("Herstelcafé Lindenhof (Kwintes)"). */
  organisationBracketed: 0.08,
  /** The place column holds the municipality ("Noardeast-Fryslân" for "Dokkum"). */
  placeAsMunicipality: 0.15,
  /** The municipality under a former name (a merger), where one exists. */
  formerMunicipalityName: 0.3,
  /** One letter swapped, dropped or doubled in one name word of six letters or more. */
  typo: 0.03,
} as const;

export function withNameCase(name: string, random: Random): string {
  if (!random.chance(VARIATION_RATES.nameCase)) return name;
  return random.chance(0.5) ? name.toUpperCase() : name.toLowerCase();
}

export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

export function withEdSpelling(name: string, random: Random): string {
  if (!name.startsWith('EDplaats') || !random.chance(VARIATION_RATES.edSpelling)) return name;
  return name.replace(/^EDplaats/, random.chance(0.5) ? 'ED-plaats' : 'ED plaats');
}

export function withStichtingToggled(organisation: string): string {
  return /^stichting /i.test(organisation) ? organisation.replace(/^stichting /i, '') : `Stichting ${organisation}`;
}

/** One typo in one word of six letters or more (never the first letter); the name as is when it has none. */
export function withTypo(name: string, random: Random): string {
  const words = name.split(' ');
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => /^\p{L}{6,}$/u.test(word));
  if (candidates.length === 0) return name;
  const { word, index } = random.pick(candidates);
  const at = 1 + random.int(word.length - 2);
  const kind = random.int(3);
  const changed =
    kind === 0
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at] + word.slice(at);
  words[index] = changed;
  return words.join(' ');
}
