import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../../../pipeline/dedupe/jaro-winkler.ts';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
  });

  it('is 1 for equal strings, 0 without common letters or for an empty string', () => {
    expect(jaroWinkler('herstelcafe', 'herstelcafe')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('does not depend on earlier calls with longer strings', () => {
    const fresh = jaroWinkler('hazelkwartier', 'hazelkwartir');
    jaroWinkler('a'.repeat(500), `${'a'.repeat(250)}b${'a'.repeat(249)}`);
    expect(jaroWinkler('hazelkwartier', 'hazelkwartir')).toBe(fresh);
    expect(fresh).toBeGreaterThan(0.95);
  });
});
