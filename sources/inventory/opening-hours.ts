/**
 * Opening hours as free Dutch text → dagdelen per week. Pure: no I/O, same text and rule, same
 * answer.
 *
 *   dagdelenFromOpeningHours('ma, wo en vr 10.00 – 14.00 uur')
 *     → { kind: 'parsed', dagdelen: 3, openings: [{ day: 'ma', from: '10:00', to: '14:00', parts: ['ochtend'] }, …] }
 *   dagdelenFromOpeningHours('op afspraak')
 *     → { kind: 'unknown', reason: "geen dagen of tijden herkend in 'op afspraak'" }
 *
 * The rule (`DagdeelRule`, default `DEFAULT_DAGDEEL_RULE`, pass another to change it): the day has
 * three parts, ochtend until 13:00, middag 13:00–18:00, avond from 18:00. An opening counts each
 * part it covers for at least 2 hours, and always at least one part (the one it covers most;
 * the earlier one on a tie). The week's dagdelen are the distinct (day, part) pairs, so a day
 * listed twice is not counted twice and the count is at most 21.
 *
 * Read: days in full, abbreviated ("ma", "Ma.", "woe"), plural ("dinsdags") or as sets
 * ("dagelijks", "werkdagen", "weekend"); ranges ("ma t/m vr", "ma-do", "maandag tot en met
 * donderdag", cyclic: "vr t/m ma" is vr za zo ma); lists ("ma, wo en vr", "di & do"); times as
 * "10.00", "10:00", "10 uur", "10-14", "van 10 tot 14 uur", "tussen 10 en 14 uur", with any
 * dash; parts joined to days ("dinsdagmiddag", "ma-ochtend", "maandag- en woensdagmiddag") or
 * after them ("ma en wo middag");
 * several openings separated by anything ("ma 10-16 en do 19-21", new lines, ";", "/").
 * Times belong to the days before them ("ma 10-12 en 14-16" is two openings on Monday), or,
 * when a text starts with times, to the days after them ("10-14 uur op ma en do").
 * Days followed by "gesloten" or after "behalve" are left out ("ma t/m vr 10-16, wo gesloten").
 *
 * Decisions, each leaving the text `unknown` with a Dutch reason rather than guessing:
 * - no day or no time ("op afspraak", "wisselend", "zie website", "10-14 uur");
 * - days without times count only when words name their parts ("woensdagmiddag" → 1,
 *   "ma en wo middag" → 2); "ma, wo en vr" alone is unknown;
 * - a start time without an end ("vanaf 10 uur"), an end not after its start (reversed, or past
 *   midnight: "20.00-01.00"), or a time that is no time ("25.00");
 * - not every week ("om de week", "eerste maandag van de maand", "1x per maand").
 * Other words ("inloop", "open", "uur", "(niet in de zomer)") are passed over.
 */
import { z } from 'zod';
import {
  CLOSED_WORDS,
  DAY_RANGE_TOKEN,
  DAY_SETS,
  DAY_TOKEN,
  DAYS,
  EXCEPT_WORDS,
  NOT_WEEKLY,
  PART_TOKEN,
  PARTS,
  dayOf,
  partOf,
  type Day,
  type Part,
} from './opening-hours-words.ts';

export { DAYS, PARTS, type Day, type Part } from './opening-hours-words.ts';

const Clock = z.string().regex(/^(?:[01]\d|2[0-4]):[0-5]\d$/, 'tijd als UU:MM');

/** Where the parts of the day begin and end, and how long an opening must cover a part to count it. */
export const DagdeelRule = z
  .strictObject({
    /** End of the ochtend and start of the middag. */
    morningUntil: Clock,
    /** End of the middag and start of the avond. */
    eveningFrom: Clock,
    /** An opening counts a part it covers for at least this many hours. */
    minimumHours: z.number().positive().max(24),
  })
  .refine((rule) => minutesOf(rule.morningUntil) < minutesOf(rule.eveningFrom), { message: 'morningUntil ligt niet voor eveningFrom' });
export type DagdeelRule = z.infer<typeof DagdeelRule>;

export const DEFAULT_DAGDEEL_RULE: DagdeelRule = { morningUntil: '13:00', eveningFrom: '18:00', minimumHours: 2 };

export const Opening = z.object({
  day: z.enum(DAYS),
  /** 'HH:MM', or null when the text named the part ("dinsdagmiddag") instead of times. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  parts: z.array(z.enum(PARTS)).min(1),
});
export type Opening = z.infer<typeof Opening>;

export const OpeningHoursResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('parsed'), dagdelen: z.number().int().min(1).max(21), openings: z.array(Opening).min(1) }),
  z.object({ kind: z.literal('unknown'), reason: z.string().min(1) }),
]);
export type OpeningHoursResult = z.infer<typeof OpeningHoursResult>;

interface TimeRange {
  from: number;
  to: number;
}

type Token =
  | { kind: 'days'; days: readonly Day[]; part: Part | undefined; single: boolean }
  | { kind: 'part'; part: Part }
  | { kind: 'range' }
  | { kind: 'times'; range: TimeRange }
  | { kind: 'unknown'; reason: string }
  | { kind: 'word'; word: string };

interface Group {
  days: Day[];
  parts: Part[];
  times: TimeRange[];
  /** Days that are closed ("gesloten", "behalve"): they take no times and are removed from the others. */
  closed: boolean;
  /** No more days join: "wo gesloten, do …" starts a new group at "do". */
  sealed: boolean;
}

export function dagdelenFromOpeningHours(text: string, rule: DagdeelRule = DEFAULT_DAGDEEL_RULE): OpeningHoursResult {
  const normal = normalise(text);
  if (normal === '') return unknown('geen openingstijden ingevuld');
  const shown = quoted(text);
  const notWeekly = NOT_WEEKLY.exec(normal);
  if (notWeekly) return unknown(`niet elke week open ('${notWeekly[0]}' in ${shown}): dagdelen per week niet te bepalen`);

  const tokens = tokenise(normal);
  const problem = tokens.find((token) => token.kind === 'unknown');
  if (problem) return unknown(`${problem.reason} in ${shown}`);
  const { groups, leading } = groupTokens(tokens);

  if (groups.length === 0) {
    return unknown(leading.length > 0 ? `tijden zonder dagen in ${shown}` : `geen dagen of tijden herkend in ${shown}`);
  }
  let leadingUsed = false;
  for (const group of groups) {
    if (group.closed || group.times.length > 0 || group.parts.length > 0) continue;
    if (leading.length === 0) return unknown(`dagen zonder tijden of dagdelen in ${shown}: aantal dagdelen niet te bepalen`);
    group.times.push(...leading);
    leadingUsed = true;
  }
  if (leading.length > 0 && !leadingUsed) return unknown(`tijden zonder dagen in ${shown}`);

  const closedDays = new Set(groups.filter((group) => group.closed).flatMap((group) => group.days));
  const openings = groups
    .filter((group) => !group.closed)
    .flatMap((group) => group.days.filter((day) => !closedDays.has(day)).flatMap((day) => openingsOf(day, group, rule)));
  if (openings.length === 0) return unknown(`alle genoemde dagen zijn gesloten in ${shown}`);
  openings.sort(byDayAndTime);
  const distinct = [...new Map(openings.map((opening) => [JSON.stringify(opening), opening])).values()];
  const dagdelen = new Set(distinct.flatMap((opening) => opening.parts.map((part) => `${opening.day}|${part}`))).size;
  return { kind: 'parsed', dagdelen, openings: distinct };
}

function unknown(reason: string): OpeningHoursResult {
  return { kind: 'unknown', reason };
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function quoted(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return `'${single.length > 80 ? `${single.slice(0, 77)}...` : single}'`;
}

const TIME = String.raw`(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:uur|u|h)(?![a-zà-ÿ]))?`;
const TIME_RANGE = new RegExp(String.raw`(?:(?:van|vanaf)\s+)?${TIME}\s*(?:-|tot(?!\s+en\s+met))\s*${TIME}`, 'y');
const BETWEEN = new RegExp(String.raw`tussen\s+${TIME}\s+en\s+${TIME}`, 'y');
const LONE_TIME = new RegExp(TIME, 'y');
const WORD = /[a-zà-ÿ]+/y;
/** "maandag-, woensdag- en vrijdagmiddag": the dash leaves out the part, it is no range. */
const ELIDED_DASH = /\s*-(?=\s*(?:[,&]|en(?![a-zà-ÿ])|of(?![a-zà-ÿ])))/y;

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at = pattern.lastIndex;
    return found;
  };
  while (at < text.length) {
    if (text[at] === ' ') {
      at += 1;
      continue;
    }
    const set = DAY_SETS.find(({ pattern }) => match(pattern));
    if (set) {
      tokens.push({ kind: 'days', days: set.days, part: undefined, single: false });
      continue;
    }
    const range = match(BETWEEN) ?? match(TIME_RANGE);
    if (range) {
      tokens.push(timeRange(range));
      continue;
    }
    const lone = match(LONE_TIME);
    if (lone) {
      tokens.push({ kind: 'unknown', reason: `tijd zonder begin of eind ('${lone[0].trim()}')` });
      continue;
    }
    const day = match(DAY_TOKEN);
    if (day) {
      match(ELIDED_DASH);
      tokens.push({ kind: 'days', days: [dayOf(day[1]!)!], part: day[2] === undefined ? undefined : partOf(day[2]), single: true });
      continue;
    }
    const part = match(PART_TOKEN);
    if (part) {
      tokens.push({ kind: 'part', part: partOf(part[1]!)! });
      continue;
    }
    if (match(DAY_RANGE_TOKEN)) {
      tokens.push({ kind: 'range' });
      continue;
    }
    const word = match(WORD);
    if (word) {
      tokens.push({ kind: 'word', word: word[0] });
      continue;
    }
    at += 1; // punctuation: ",", ";", "/", "&", "(", ... separate, nothing more
  }
  return tokens;
}

function timeRange(found: RegExpExecArray): Token {
  const from = clockMinutes(found[1]!, found[2]);
  const to = clockMinutes(found[3]!, found[4]);
  const shown = found[0].trim();
  if (from === undefined || to === undefined || from === 24 * 60) return { kind: 'unknown', reason: `ongeldige tijd ('${shown}')` };
  if (to <= from) {
    return { kind: 'unknown', reason: `eindtijd ligt niet na begintijd ('${shown}'; openingen over middernacht worden niet geteld)` };
  }
  return { kind: 'times', range: { from, to } };
}

function clockMinutes(hours: string, minutes: string | undefined): number | undefined {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/**
 * Tokens → groups of days with their times or part words. A day joins the current group while
 * that group has no times or parts yet ("ma, wo en vr"); after them it starts a new one.
 */
function groupTokens(tokens: readonly Token[]): { groups: Group[]; leading: TimeRange[] } {
  const groups: Group[] = [];
  const leading: TimeRange[] = [];
  let excepting = false;
  tokens.forEach((token, index) => {
    const current = groups.at(-1);
    const open = current !== undefined && !current.sealed && current.times.length === 0 && current.parts.length === 0;
    switch (token.kind) {
      case 'days': {
        const before = tokens[index - 2];
        const isRangeEnd = tokens[index - 1]?.kind === 'range' && before?.kind === 'days' && before.single && token.single;
        let group = current;
        if (isRangeEnd && current !== undefined && before.kind === 'days' && current.parts.length === 0 && current.times.length === 0) {
          current.days.push(...dayRange(before.days[0]!, token.days[0]!));
        } else if (open && !excepting) {
          current.days.push(...token.days);
        } else {
          group = { days: [...token.days], parts: [], times: [], closed: excepting, sealed: false };
          groups.push(group);
          excepting = false;
        }
        if (token.part !== undefined) group!.parts.push(token.part);
        break;
      }
      case 'part':
        if (current !== undefined && current.times.length === 0 && !current.sealed) current.parts.push(token.part);
        break;
      case 'times': {
        const target = groups.findLast((group) => !group.closed);
        if (target === undefined) leading.push(token.range);
        else target.times.push(token.range);
        break;
      }
      case 'word':
        if (CLOSED_WORDS.has(token.word) && current !== undefined && current.times.length === 0 && current.parts.length === 0) {
          current.closed = true;
          current.sealed = true;
        }
        if (EXCEPT_WORDS.has(token.word)) excepting = true;
        break;
      case 'range':
      case 'unknown':
        break;
    }
  });
  return { groups, leading };
}

/** "vr t/m ma" runs through the weekend: the week is a cycle. */
function dayRange(first: Day, last: Day): Day[] {
  const start = DAYS.indexOf(first);
  const length = ((DAYS.indexOf(last) - start + 7) % 7) + 1;
  return Array.from({ length }, (_, offset) => DAYS[(start + offset) % 7]!).slice(1);
}

function openingsOf(day: Day, group: Group, rule: DagdeelRule): Opening[] {
  if (group.times.length === 0) return [{ day, from: null, to: null, parts: PARTS.filter((part) => group.parts.includes(part)) }];
  return group.times.map((range) => ({ day, from: clockText(range.from), to: clockText(range.to), parts: partsCovered(range, rule) }));
}

/** The parts an opening covers for at least the rule's minimum; else the one it covers most. */
export function partsCovered(range: { from: number; to: number }, rule: DagdeelRule = DEFAULT_DAGDEEL_RULE): Part[] {
  const morningUntil = minutesOf(rule.morningUntil);
  const eveningFrom = minutesOf(rule.eveningFrom);
  const bounds: Record<Part, readonly [number, number]> = {
    ochtend: [0, morningUntil],
    middag: [morningUntil, eveningFrom],
    avond: [eveningFrom, 24 * 60],
  };
  const overlap = (part: Part) => Math.max(0, Math.min(range.to, bounds[part][1]) - Math.max(range.from, bounds[part][0]));
  const counted = PARTS.filter((part) => overlap(part) >= rule.minimumHours * 60);
  if (counted.length > 0) return counted;
  const most = PARTS.reduce((best, part) => (overlap(part) > overlap(best) ? part : best));
  return [most];
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function byDayAndTime(a: Opening, b: Opening): number {
  return DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || (a.from ?? '').localeCompare(b.from ?? '') || (a.to ?? '').localeCompare(b.to ?? '');
}
