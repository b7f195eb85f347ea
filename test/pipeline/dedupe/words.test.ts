/**
 * The vocabulary's quick bounds may only rule out what the full test would reject: a word
 * written inside a name is never ruled out.
 */
import { describe, expect, it } from 'vitest';
import { mayOccurIn, wordIds } from '../../../pipeline/dedupe/words.ts';

const numbered = (tokens: string[], organisation: string[] = []) => wordIds(tokens, organisation, tokens.join(''));

describe('mayOccurIn', () => {
  it('keeps every word written inside the compact name or its organisation', () => {
    const name = numbered(['herstelacademie', 'zuid'], ['welzijnwerkt', 'oost']);
    for (const word of ['herstel', 'academie', 'stelaca', 'welzijn', 'zuidwelzijn', 'werktoost']) {
      const number = numbered([word]).store[numbered([word]).start]!;
      expect(mayOccurIn(number, name.withinBigrams), word).toBe(true);
    }
    const across = numbered(['zuidwelzijn']);
    expect(mayOccurIn(across.store[across.start]!, name.compactBigrams)).toBe(false);
  });

  it('rules out a word with a pair of letters the name lacks', () => {
    const name = numbered(['herstelacademie']);
    const other = numbered(['dorpskamer']);
    expect(mayOccurIn(other.store[other.start]!, name.compactBigrams)).toBe(false);
  });
});
