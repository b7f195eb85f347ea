import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/config/config.ts';
import { classifySize } from '../../pipeline/build/classify-size.ts';

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
    expect(classifySize(evidence, config)).toMatchObject({ size, basis, weight });
  });

  it.each([
    [{ openingHours: 'di en vr 13.00-17.00' }, 'klein', 'openingstijden', 2],
    [{ openingHours: 'maandag t/m vrijdag 9:00-17:00' }, 'groot', 'openingstijden', 10],
    [{ openingHours: 'ma-do 10-14' }, 'middelgroot', 'openingstijden', 4],
    [{ openingHours: 'za 10-12', dagdelenPerWeek: 8 }, 'groot', 'dagdelen', 8],
    [{ openingHours: 'maandag t/m vrijdag 9:00-17:00', visitorsPerWeek: 30 }, 'klein', 'bezoekers', undefined],
    [{ openingHours: 'ma 10-12', size: 'groot' as const }, 'groot', 'opgegeven', undefined],
  ])('opening hours %o -> %s (%s, %s dagdelen)', (evidence, size, basis, dagdelen) => {
    const classified = classifySize(evidence, config);
    expect(classified).toMatchObject({ size, basis });
    expect(classified.dagdelenPerWeek).toBe(dagdelen);
    expect(classified.openingHoursProblem).toBeUndefined();
  });

  it('leaves unreadable opening hours unknown, with the reason', () => {
    expect(classifySize({ openingHours: 'wisselend' }, config)).toEqual({
      size: 'onbekend', basis: 'onbekend', weight: 1, openingHoursProblem: "geen dagen of tijden herkend in 'wisselend'",
    });
  });

  it('counts opening hours by the configured dagdeel rule', () => {
    // With the ochtend ending at 12:00, 10-14 covers 2 hours of ochtend and middag each.
    const custom = { ...config, dagdeelRule: { morningUntil: '12:00', eveningFrom: '18:00', minimumHours: 2 } };
    expect(classifySize({ openingHours: 'ma 10-14' }, config).dagdelenPerWeek).toBe(1);
    expect(classifySize({ openingHours: 'ma 10-14' }, custom).dagdelenPerWeek).toBe(2);
  });

  it('uses configured weights and thresholds', () => {
    const custom = { ...config, weights: { ...config.weights, klein: 0.25 }, sizeThresholds: { ...config.sizeThresholds, dagdelenPerWeek: { smallAtMost: 2, largeAtLeast: 6 } } };
    expect(classifySize({ dagdelenPerWeek: 3 }, custom)).toEqual({ size: 'middelgroot', basis: 'dagdelen', weight: 1, dagdelenPerWeek: 3 });
    expect(classifySize({ dagdelenPerWeek: 2 }, custom)).toEqual({ size: 'klein', basis: 'dagdelen', weight: 0.25, dagdelenPerWeek: 2 });
  });
});
