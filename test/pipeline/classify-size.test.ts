import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/config/config.ts';
import { classifySize } from '../../pipeline/stages/classify-size.ts';

const config = loadConfig();

describe('classifySize with the default thresholds', () => {
  it.each([
    [{ size: 'groot' as const, visitorsPerWeek: 10 }, 'groot', 'opgegeven', 2],
    [{ visitorsPerWeek: 49 }, 'klein', 'bezoekers', 0.5],
    [{ visitorsPerWeek: 50 }, 'middelgroot', 'bezoekers', 1],
    [{ visitorsPerWeek: 100 }, 'middelgroot', 'bezoekers', 1],
    [{ visitorsPerWeek: 101, dagdelenPerWeek: 1 }, 'groot', 'bezoekers', 2],
    [{ dagdelenPerWeek: 3 }, 'klein', 'dagdelen', 0.5],
    [{ dagdelenPerWeek: 4 }, 'middelgroot', 'dagdelen', 1],
    [{ dagdelenPerWeek: 7.5 }, 'middelgroot', 'dagdelen', 1],
    [{ dagdelenPerWeek: 8 }, 'groot', 'dagdelen', 2],
    [{}, 'onbekend', 'onbekend', 1],
  ])('%o -> %s (%s, weight %d)', (evidence, size, basis, weight) => {
    expect(classifySize(evidence, config)).toEqual({ size, basis, weight });
  });

  it('uses configured weights and thresholds', () => {
    const custom = { ...config, weights: { ...config.weights, klein: 0.25 }, sizeThresholds: { ...config.sizeThresholds, dagdelenPerWeek: { smallAtMost: 2, largeAtLeast: 6 } } };
    expect(classifySize({ dagdelenPerWeek: 3 }, custom)).toEqual({ size: 'middelgroot', basis: 'dagdelen', weight: 1 });
    expect(classifySize({ dagdelenPerWeek: 2 }, custom)).toEqual({ size: 'klein', basis: 'dagdelen', weight: 0.25 });
  });
});
