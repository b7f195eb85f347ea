import { describe, expect, it } from 'vitest';
import { PROVINCE_BARS_SIZE, provinceBarsSvg, provinceBarsTitle } from '../../../outputs/figures/province-bars.ts';
import { expectFigure } from './helpers/expect-figure.ts';
import { provinceTargets2024 } from './helpers/figure-data.ts';

describe('provinceBarsSvg', () => {
  const input = { year: 2024, provinces: provinceTargets2024() };

  it('draws the 12 provinces of 2024 with a legend for the bar and the three markers', async () => {
    const svg = await provinceBarsSvg(input);
    expectFigure(svg, { name: 'province-bars-2024', ...PROVINCE_BARS_SIZE, title: 'Gewogen aantal steunpunten en gewenst aantal per provincie, 2024' });
    expect(provinceBarsTitle(2024)).toBe('Gewogen aantal steunpunten en gewenst aantal per provincie, 2024');
    for (const province of input.provinces) expect(svg).toContain(`>${province.province}</text>`);
    for (const label of ['Gewogen aantal in beeld', 'Gewenst bij 15% deelname', 'Gewenst bij 30% deelname', 'Gewenst bij 45% deelname']) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain('>Aantal steunpunten</text>');
  });

  it('is byte-identical when rendered twice', async () => {
    expect(await provinceBarsSvg(input)).toBe(await provinceBarsSvg(input));
  });

  it('writes axis numbers the Dutch way', async () => {
    const large = input.provinces.map((entry) => ({ ...entry, weighted: entry.weighted * 40 }));
    const svg = await provinceBarsSvg({ year: 2030, provinces: large });
    expect(svg).toMatch(/>\d\.\d{3}<\/text>/);
  });

  it('refuses a province without a desired number for a marked percentage', async () => {
    const [first] = input.provinces;
    if (!first) throw new Error('no provinces');
    await expect(provinceBarsSvg({ year: 2024, provinces: [{ ...first, desired: { 15: 12 } }] })).rejects.toThrow(/30%/);
  });
});
