import { describe, expect, it } from 'vitest';
import { BlockIndex, candidatePairs, MAX_BLOCK } from '../../../pipeline/dedupe/candidates.ts';
import { toMatchRecord } from '../../../pipeline/dedupe/records.ts';

const record = (id: string, name: string, gmCode = 'GM0363', organisation?: string) =>
  toMatchRecord(id, id.split(':')[0]!, { name, organisation, gm_code: gmCode, iza_region: 'Amsterdam-Amstelland' }, 'locatie');
const letter = (index: number) => String.fromCharCode(97 + index);
const ids = (pairs: readonly (readonly [{ id: string }, { id: string }])[]) => pairs.map(([a, b]) => `${a.id} ~ ${b.id}`);

describe('candidatePairs', () => {
  it('pairs records that share a block key once, each pair and the list in id order', () => {
    const records = [
      record('b:9', 'Herstelcafe Oost', 'GM0363', 'Cordaan'),
      record('a:10', 'Herstelcafe Oost', 'GM0363', 'Cordaan'),
      record('a:2', 'Huiskamer West'),
      record('b:1', 'Inloop Zuid', 'GM0599'),
    ];
    // a:10 and b:9 share the organisation, the name words and the compact name: still one pair.
    expect(ids(candidatePairs(records))).toEqual(['a:10 ~ b:9']);
  });

  it('compares only sorted neighbours in a block larger than MAX_BLOCK', () => {
    // Words at least two letters apart, so no two of them are typo neighbours of each other.
    const code = (index: number) => `${letter(index % 26)}${letter(Math.floor(index / 26))}`.repeat(2);
    const crowd = Array.from({ length: MAX_BLOCK + 1 }, (_, index) => record(`a:${index}`, `Herstelcafe Wijk${code(index)}x`));
    // Shares only the oversized 'herstelcafe' block with a:7, and sorts right after it without that word.
    const typo = record('b:1', `Herstelcafe Wijk${code(7)}xyz`);
    const pairs = ids(candidatePairs([...crowd, typo]));
    expect(pairs).toContain('a:7 ~ b:1');
    expect(pairs).not.toContain('a:0 ~ a:99');
    expect(pairs.length).toBeLessThan(3 * crowd.length);
  });

  it('sorts an oversized block by the names as texts: a word before its longer spellings, a name before the names it starts', () => {
    // Words shorter than a block word and than a slip, so the 'herstelcafe' block makes every pair.
    const words = ['bab', 'abd', 'x', 'ab', 'ba', 'abc', 'b'];
    const names = new Map<string, string[]>();
    for (const first of words) for (const second of ['', ...words]) for (const third of ['', ...words]) {
      const rest = [first, second, third].filter((word) => word !== '');
      names.set(rest.join(''), rest);
    }
    // Met in a scrambled order, so the words' numbers are not their text order.
    const rests = [...names.values()].sort((x, y) => (x.join('').length * 7919 + x.length) % 101 - (y.join('').length * 7919 + y.length) % 101 || (x.join(' ') < y.join(' ') ? 1 : -1)).slice(0, 3 * MAX_BLOCK);
    const records = rests.map((rest, index) => record(`a:${String(index).padStart(4, '0')}`, `Herstelcafe ${rest.join(' ')}`));
    const byText = [...records].sort((x, y) => {
      const [textX, textY] = [x, y].map((item) => item.keys.fullTokens.slice(1).join(' '));
      return textX! < textY! ? -1 : 1;
    });
    const expected = new Set<string>();
    for (let start = 0; start < byText.length - 1; start += 2) {
      const window = byText.slice(start, start + 4).map((item) => item.id).sort();
      for (let i = 0; i < window.length; i += 1) for (let j = i + 1; j < window.length; j += 1) expected.add(`${window[i]} ~ ${window[j]}`);
    }
    expect(ids(candidatePairs(records))).toEqual([...expected].sort());
  });

  it('pairs two spellings of a name word one slip apart, which share no block key', () => {
    const pairs = ids(
      candidatePairs([
        record('a:1', 'Stichting Goudwijk', 'GM0331'),
        record('b:1', 'Stichting Gouwdijk', 'GM0331'),
        record('a:2', 'Hazelkwartier', 'GM0441', 'Hazelkwartier'),
        record('b:2', 'HAZELKWARTIR', 'GM0441'),
        // The same slip in another municipality is no candidate.
        record('c:2', 'Hazelkwartiir', 'GM0453'),
      ]),
    );
    expect(pairs).toEqual(['a:1 ~ b:1', 'a:2 ~ b:2']);
  });

  it('pairs only across the two groups with between, the a-side first', () => {
    const records = [record('nu:1', 'Huiskamer Oost'), record('eerder:1', 'Huiskamer Oost'), record('nu:2', 'Huiskamer Oost')];
    const pairs = candidatePairs(records, { between: (item) => (item.id.startsWith('nu:') ? 'a' : 'b') });
    expect(ids(pairs)).toEqual(['nu:1 ~ eerder:1', 'nu:2 ~ eerder:1']);
  });

  it('leaves out the pairs skip rules out', () => {
    const records = [record('a:1', 'Huiskamer Oost'), record('b:1', 'Huiskamer Oost'), record('c:1', 'Huiskamer Oost')];
    const pairs = candidatePairs(records, { skip: (a, b) => a.id === 'a:1' && b.id === 'c:1' });
    expect(ids(pairs)).toEqual(['a:1 ~ b:1', 'b:1 ~ c:1']);
  });
});

describe('BlockIndex.forEachPair by area', () => {
  it('visits the same pairs as in id order, the first records area by area', () => {
    const records = [
      record('a:1', 'Huiskamer Oost', 'GM0599'),
      record('a:2', 'Inloop Noord', 'GM0363'),
      record('b:1', 'Huiskamer Oost', 'GM0599'),
      record('b:2', 'Inloop Noord', 'GM0363'),
      record('c:1', 'Huiskamer Oost', 'GM0599'),
      record('c:2', 'Inloop Zuid', 'GM0363'),
    ];
    const index = new BlockIndex(records);
    const visited = (byArea: boolean) => {
      const pairs: string[] = [];
      index.forEachPair((first, second) => pairs.push(`${index.records[first]!.id} ~ ${index.records[second]!.id}`), byArea);
      return pairs;
    };
    expect(visited(false)).toEqual(ids(candidatePairs(records)));
    expect(visited(false)).toEqual(['a:1 ~ b:1', 'a:1 ~ c:1', 'a:2 ~ b:2', 'a:2 ~ c:2', 'b:1 ~ c:1', 'b:2 ~ c:2']);
    const byArea = visited(true);
    // GM0599's records first (a:1 is the first record), then GM0363's; within a first record in any order.
    expect(byArea.slice(0, 3).sort()).toEqual(['a:1 ~ b:1', 'a:1 ~ c:1', 'b:1 ~ c:1']);
    expect(byArea.slice(3).sort()).toEqual(['a:2 ~ b:2', 'a:2 ~ c:2', 'b:2 ~ c:2']);
  });
});
