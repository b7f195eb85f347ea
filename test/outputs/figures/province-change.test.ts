import { describe, expect, it } from 'vitest';
import { PROVINCE_CHANGE_SIZE, provinceChangeSvg } from '../../../outputs/figures/province-change.ts';
import { CHANGE_COLOURS } from '../../../outputs/figures/palette.ts';
import { expectFigure } from './helpers/expect-figure.ts';
import { provinceChanges } from './helpers/figure-data.ts';

describe('provinceChangeSvg', () => {
  const input = { previousYear: 2024, year: 2025, provinces: provinceChanges() };

  it('draws increases and decreases in their own colour, labelled with sign and both counts', async () => {
    const svg = await provinceChangeSvg(input);
    expectFigure(svg, { name: 'province-change-2024-2025', ...PROVINCE_CHANGE_SIZE, title: 'Verandering in het aantal steunpunten per provincie, 2024–2025' });
    expect(svg).toContain(`fill="${CHANGE_COLOURS.increase}"`);
    expect(svg).toContain(`fill="${CHANGE_COLOURS.decrease}"`);
    expect(svg).toContain('>+8 (52 → 60)</text>');
    expect(svg).toContain('>−3 (48 → 45)</text>');
    expect(svg).toContain('>0 (2 → 2)</text>');
    expect(svg).toContain('>+1,5 (18 → 19,5)</text>');
    expect(svg).toContain('>Toename</text>');
    expect(svg).toContain('>Afname</text>');
  });

  it('is byte-identical when rendered twice', async () => {
    expect(await provinceChangeSvg(input)).toBe(await provinceChangeSvg(input));
  });

  it('renders when nothing changed', async () => {
    const unchanged = input.provinces.map((entry) => ({ ...entry, current: entry.previous }));
    const svg = await provinceChangeSvg({ ...input, provinces: unchanged });
    expectFigure(svg, { name: 'province-change-unchanged', ...PROVINCE_CHANGE_SIZE, title: 'Verandering in het aantal steunpunten per provincie, 2024–2025', minInk: 0.01 });
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('>0 (52 → 52)</text>');
  });
});
