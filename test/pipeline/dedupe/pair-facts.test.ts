/**
 * PairFacts lays the facts judging reads out in columns, in an order of its own; every pair judged
 * from them (with the facts blocking numbered) must come out as judged from the records, and its
 * conflicts as hardConflict finds them.
 */
import { describe, expect, it } from 'vitest';
import { BlockIndex } from '../../../pipeline/dedupe/candidates.ts';
import { hardConflict, judgeSides, judgeWithoutConflict, PairSide } from '../../../pipeline/dedupe/compare.ts';
import { PairFacts } from '../../../pipeline/dedupe/pair-facts.ts';
import { toMatchRecord } from '../../../pipeline/dedupe/records.ts';
import { seededRandom } from '../geo/random.ts';

const WORDS = ['Herstelcafé', 'Hrstelcafé', 'Inloop', 'Noord', 'Zuid', 'Dorpskamer', 'Stadskamer', 'Didam', 'Tilburg', 'Zomerveen', 'Lindenhof', 'Lindeboom', 'Locatie'];
const ORGANISATIONS = [undefined, 'Stichting Welzijn Didam', 'Fameus', 'Stichting Herstelcafé', 'Welzijnswerk Tilburg'];
const PLACES = [
  { place: 'Didam', municipality: 'Montferland', gm_code: 'GM1955' },
  { place: 'Montferland', municipality: 'Montferland', gm_code: 'GM1955' },
  { place: 'Tilburg', municipality: 'Tilburg', gm_code: 'GM0855' },
  { place: undefined, municipality: undefined, gm_code: undefined },
];
const POSTCODES = [undefined, '6942 AB', '6942 AC', '5011', '5011 XY'];

function records(count: number, seed: number) {
  const next = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const name = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(WORDS)).join(' ');
    const source = pick(['a', 'b', 'c']);
    const facts = { name, organisation: pick(ORGANISATIONS), postcode: pick(POSTCODES), iza_region: pick(['Regio 1', 'Regio 2', undefined]), ...pick(PLACES) };
    return toMatchRecord(`${source}:${index}`, source, facts, next() < 0.1 ? 'organisatie' : 'locatie');
  });
}

describe('PairFacts', () => {
  it('judges every pair as judgeWithoutConflict does and finds the conflicts hardConflict finds, in any order', () => {
    // The records in the index's order, the facts it numbered, and an order of PairFacts's own.
    const index = new BlockIndex(records(160, 15));
    const all = index.records;
    const order = Int32Array.from(all.keys()).sort((x, y) => ((x * 7919) % 160) - ((y * 7919) % 160));
    const facts = new PairFacts(all, order, index.numbered);
    const [left, right] = [new PairSide(), new PairSide()];
    const outcomes = new Set<string>();
    for (let first = 0; first < all.length; first += 1) {
      facts.fill(left, first);
      for (let second = 0; second < all.length; second += 1) {
        if (second === first) continue;
        expect(facts.conflict(first, second)).toBe(hardConflict(all[first]!, all[second]!) !== undefined);
        const judged = judgeSides(left, facts.fill(right, second));
        expect(judged).toEqual(judgeWithoutConflict(all[first]!, all[second]!));
        outcomes.add(judged.rule);
      }
    }
    // The generated records reach the rules of every branch that reads a fact of the columns.
    expect([...outcomes].sort()).toEqual(
      expect.arrayContaining([
        'andere naam',
        'andere organisatie',
        'naam komt overeen',
        'naam komt overeen, andere plaats',
        'naam komt overeen, zelfde postcode',
        'zelfde naam',
        'zelfde postcode, andere naam',
      ]),
    );
  });
});
