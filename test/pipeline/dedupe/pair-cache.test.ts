import { describe, expect, it } from 'vitest';
import { PairCache, PairNumbers } from '../../../pipeline/dedupe/pair-cache.ts';

describe('PairCache', () => {
  it('keeps a value per unordered pair, through growing', () => {
    const cache = new PairCache(4, 1_000);
    for (let a = 0; a < 30; a += 1) for (let b = a; b < 30; b += 1) cache.set(a, b, a * 100 + b);
    expect(cache.get(7, 3)).toBe(307);
    expect(cache.get(3, 7)).toBe(307);
    expect(cache.get(29, 29)).toBe(2929);
    expect(cache.get(0, 30)).toBeUndefined();
  });

  it('overwrites a pair, and empties itself when it reaches its size limit', () => {
    const cache = new PairCache(4, 3);
    cache.set(1, 2, 0.5);
    cache.set(2, 1, 0.75);
    expect(cache.get(1, 2)).toBe(0.75);
    cache.set(3, 4, 1);
    cache.set(5, 6, 1);
    cache.set(7, 8, 1);
    expect(cache.get(1, 2)).toBeUndefined();
    expect(cache.get(7, 8)).toBe(1);
  });
});

describe('PairNumbers', () => {
  it('numbers each ordered pair once, densely in the order met, through growing', () => {
    const numbers = new PairNumbers();
    const seen = new Map<string, number>();
    for (let round = 0; round < 2; round += 1) {
      for (let a = 0; a < 120; a += 1) {
        for (let b = 0; b < 120; b += 7) {
          const number = numbers.numberOf(a * 1_000_003, b);
          const known = seen.get(`${a}|${b}`);
          if (known === undefined) {
            expect(number).toBe(seen.size);
            seen.set(`${a}|${b}`, number);
          } else expect(number).toBe(known);
        }
      }
    }
    expect(numbers.size).toBe(120 * 18);
    expect(numbers.numberOf(3, 5)).not.toBe(numbers.numberOf(5, 3));
  });
});
