/**
 * The Dutch words opening hours are written in, for `opening-hours.ts`: day names (full,
 * abbreviated, plural), words for sets of days, the parts of the day, and the phrases that mean a
 * steunpunt is not open every week. Patterns expect text already lower-cased, with dashes as '-'.
 */

export const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Day = (typeof DAYS)[number];

export const PARTS = ['ochtend', 'middag', 'avond'] as const;
export type Part = (typeof PARTS)[number];

/** Every spelling of a day, longest first so that "woe" wins over "wo". */
const DAY_SPELLINGS: Record<Day, readonly string[]> = {
  ma: ['maandag', 'maa', 'ma'],
  di: ['dinsdag', 'din', 'di'],
  wo: ['woensdag', 'woe', 'wo'],
  do: ['donderdag', 'don', 'do'],
  // Not "vrij": "vrij toegankelijk" would read as a Friday.
  vr: ['vrijdag', 'vr'],
  za: ['zaterdag', 'zat', 'za'],
  zo: ['zondag', 'zon', 'zo'],
};

const FULL_DAY = /^(?:maan|dins|woens|donder|vrij|zater|zon)dag$/;

export function dayOf(spelling: string): Day | undefined {
  return DAYS.find((day) => DAY_SPELLINGS[day].includes(spelling));
}

export function isFullDayName(spelling: string): boolean {
  return FULL_DAY.test(spelling);
}

/** Part words: "ochtend" and "morgen" are the same part. */
const PART_SPELLINGS: Record<string, Part> = { ochtend: 'ochtend', morgen: 'ochtend', middag: 'middag', avond: 'avond' };

export function partOf(spelling: string): Part | undefined {
  return PART_SPELLINGS[spelling];
}

const daySpellings = Object.values(DAY_SPELLINGS).flat().sort((a, b) => b.length - a.length);
const DAY_NAME = `(${daySpellings.join('|')})`;
const PART_WORD = '(ochtend|morgen|middag|avond)';
const NOT_A_LETTER = '(?![a-zà-ÿ])';

/**
 * A day, optionally abbreviated with a dot, plural ("maandagen", "dinsdags"), and optionally with
 * a part joined to it ("dinsdagmiddag", "ma-ochtend", "vrijdag avond", "woensdagmiddagen").
 */
export const DAY_TOKEN = new RegExp(`${DAY_NAME}(?:en|s)?\\.?(?:\\s*-?\\s*${PART_WORD}(?:en|s)?)?${NOT_A_LETTER}`, 'y');

/** A part of the day on its own: "middag", "'s ochtends", "avonden". */
export const PART_TOKEN = new RegExp(`(?:'s\\s*)?${PART_WORD}(?:en|s)?${NOT_A_LETTER}`, 'y');

/** Words that name several days at once. */
export const DAY_SETS: readonly { pattern: RegExp; days: readonly Day[] }[] = [
  { pattern: /(?:dagelijks|(?:elke|iedere|alle)\s+dag(?:en)?|7\s+dagen\s+per\s+week|zeven\s+dagen\s+per\s+week)(?![a-zà-ÿ])/y, days: DAYS },
  { pattern: /(?:doordeweeks|door\s+de\s+week|(?:op\s+)?werkdagen|(?:elke|iedere)\s+werkdag)(?![a-zà-ÿ])/y, days: ['ma', 'di', 'wo', 'do', 'vr'] },
  { pattern: /(?:in\s+het\s+)?weekend(?:en|s)?(?![a-zà-ÿ])/y, days: ['za', 'zo'] },
];

/** Between two days: "t/m", "tm", "tot en met", "tot", "-". */
export const DAY_RANGE_TOKEN = /(?:t\/m|t\.m\.|tm(?![a-zà-ÿ])|tot\s+en\s+met(?![a-zà-ÿ])|tot(?![a-zà-ÿ])|-)/y;

/** Words after which the next days are closed: "wo gesloten", "ma t/m vr 10-16 behalve wo". */
export const CLOSED_WORDS = new Set(['gesloten', 'dicht']);
export const EXCEPT_WORDS = new Set(['behalve', 'uitgezonderd', 'behoudens', 'muv']);

/**
 * Phrases that say a steunpunt is not open every week: counting such days per week would be a
 * guess, so the text stays unknown.
 */
export const NOT_WEEKLY = /(?:om\s+de\s+(?:andere\s+|twee\s+|2\s+)?week|tweewekelijks|twee\s*wekelijks|per\s+maand|maandelijks|(?:even|oneven)\s+weken|elke\s+(?:2|twee|3|drie)\s+weken|(?:eerste|tweede|derde|vierde|laatste|\d+e|\d+ste)\s+(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo|week)|\d+\s*(?:x|keer)\s+per\s+(?:maand|jaar|kwartaal))/;
