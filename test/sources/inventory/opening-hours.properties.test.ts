/**
 * Property tests (fast-check) for opening hours → dagdelen: generated week schedules written the
 * ways lists write them, counted against an independent model of the rule, and invariants that
 * must hold for any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dagdelenFromOpeningHours, OpeningHoursResult } from '../../../sources/inventory/opening-hours.ts';

const RUNS = { numRuns: 300 };

const SHORT = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const FULL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const SEPARATORS = [', ', ' en ', '; ', ' / ', '\n', ' & '];

interface Slot {
  day: number;
  from: number;
  to: number;
}

/** Whole and half hours, end after start, within one day. */
const slot: fc.Arbitrary<Slot> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 46 }), fc.integer({ min: 1, max: 20 }))
  .map(([day, start, length]) => ({ day, from: start * 30, to: Math.min(48, start + length) * 30 }));

const clock = (minutes: number, style: number) => {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (style === 0) return `${hours}.${String(rest).padStart(2, '0')}`;
  if (style === 1) return `${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  return rest === 0 ? `${hours}` : `${hours}.${rest}`;
};

const write = (slots: readonly Slot[], style: { full: boolean; clock: number; dash: string; separator: string }) =>
  slots
    .map(({ day, from, to }) => `${(style.full ? FULL : SHORT)[day]} ${clock(from, style.clock)}${style.dash}${clock(to, style.clock)}`)
    .join(style.separator);

const style = fc.record({
  full: fc.boolean(),
  clock: fc.integer({ min: 0, max: 2 }),
  dash: fc.constantFrom('-', ' - ', '–', ' – ', '—', ' tot '),
  separator: fc.constantFrom(...SEPARATORS),
});

/** The rule written out again, independently: parts 0–13, 13–18, 18–24; ≥ 2 hours, else the part covered most. */
function modelDagdelen(slots: readonly Slot[]): number {
  const bounds = [[0, 780], [780, 1080], [1080, 1440]] as const;
  const pairs = new Set<string>();
  for (const { day, from, to } of slots) {
    const overlaps = bounds.map(([start, end]) => Math.max(0, Math.min(to, end) - Math.max(from, start)));
    const counted = overlaps.flatMap((overlap, part) => (overlap >= 120 ? [part] : []));
    const parts = counted.length > 0 ? counted : [overlaps.indexOf(Math.max(...overlaps))];
    for (const part of parts) pairs.add(`${day}|${part}`);
  }
  return pairs.size;
}

const count = (text: string) => {
  const result = dagdelenFromOpeningHours(text);
  if (result.kind !== 'parsed') throw new Error(`expected parsed for ${JSON.stringify(text)}: ${result.reason}`);
  return result.dagdelen;
};

describe('dagdelenFromOpeningHours on generated schedules', () => {
  it('counts what the rule says, in every way of writing days, times, dashes and separators', () => {
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 10 }), style, (slots, how) => {
        expect(count(write(slots, how))).toBe(modelDagdelen(slots));
      }),
      RUNS,
    );
  });

  it('gives the same count for the openings in any order', () => {
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 8 }), style, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (slots, how, keys) => {
        const shuffled = slots.map((entry, index) => ({ entry, key: keys[index]! })).sort((a, b) => a.key - b.key).map(({ entry }) => entry);
        expect(count(write(shuffled, how))).toBe(count(write(slots, how)));
      }),
      RUNS,
    );
  });

  it('never lowers the count when an opening is added, and never counts more than 21', () => {
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 12 }), slot, style, (slots, extra, how) => {
        const before = count(write(slots, how));
        const after = count(write([...slots, extra], how));
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after).toBeLessThanOrEqual(21);
      }),
      RUNS,
    );
  });

  it('counts a day listed twice once per part', () => {
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 6 }), style, (slots, how) => {
        expect(count(write([...slots, ...slots], how))).toBe(count(write(slots, how)));
      }),
      RUNS,
    );
  });

  it('counts a range of days as the days it spans', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), slot, (first, last, { from, to }) => {
        const days = ((last - first + 7) % 7) + 1;
        const listed = Array.from({ length: days }, (_, offset) => ({ day: (first + offset) % 7, from, to }));
        const text = `${FULL[first]} t/m ${FULL[last]} ${clock(from, 1)}-${clock(to, 1)}`;
        expect(count(text)).toBe(modelDagdelen(listed));
      }),
      RUNS,
    );
  });

  it('does not depend on case or on how much white space there is', () => {
    const spaces = fc.array(fc.constantFrom(' ', '  ', '\t', '\u00a0'), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 6 }), style, spaces, fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), (slots, how, gaps, upper) => {
        const text = write(slots, how);
        let gap = 0;
        const spaced = `${gaps[0]}${text.replace(/ /g, () => gaps[gap++ % gaps.length]!)}${gaps[1]}`;
        const cased = [...spaced].map((char, index) => (upper[index % upper.length] ? char.toUpperCase() : char)).join('');
        expect(dagdelenFromOpeningHours(cased)).toEqual(dagdelenFromOpeningHours(text));
      }),
      RUNS,
    );
  });
});

describe('dagdelenFromOpeningHours on any text', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.array(fc.constantFrom(...SHORT, ...FULL, 'middag', 'ochtend', 't/m', '-', '10', '14.00', 'uur', 'van', 'tot', 'en', ',', 'gesloten', 'behalve', '24:00', '0'), { maxLength: 12 }).map((words) => words.join(' ')),
  );

  it('answers parsed with 1 to 21 dagdelen or unknown with a reason, the same every time', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = dagdelenFromOpeningHours(text);
        expect(OpeningHoursResult.parse(result)).toEqual(result);
        expect(dagdelenFromOpeningHours(text)).toEqual(result);
        if (result.kind === 'parsed') {
          const pairs = new Set(result.openings.flatMap((opening) => opening.parts.map((part) => `${opening.day}|${part}`)));
          expect(result.dagdelen).toBe(pairs.size);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
