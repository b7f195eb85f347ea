import { describe, expect, it } from 'vitest';
import { SIZE_MIX_SIZE, sizeMixSubtitle, sizeMixSvg } from '../../../outputs/figures/size-mix.ts';
import { expectFigure } from './helpers/expect-figure.ts';

const title = 'Grootte van de steunpunten in beeld, 2024';

describe('sizeMixSvg', () => {
  it('shows the 2024 data, where every size is unknown, with a note instead of empty bars', async () => {
    const svg = await sizeMixSvg({ year: 2024, counts: { onbekend: 278 } });
    expectFigure(svg, { name: 'size-mix-2024-all-unknown', ...SIZE_MIX_SIZE, title, minInk: 0.02 });
    expect(svg).toContain('>278 (100%)</text>');
    expect(svg).toContain('>Van geen enkel steunpunt is de grootte bekend.</tspan>');
    for (const label of ['Klein', 'Middelgroot', 'Groot', 'Onbekend']) expect(svg).toContain(`>${label}</text>`);
  });

  it('shows a mix of sizes with counts and shares', async () => {
    const svg = await sizeMixSvg({ year: 2025, counts: { klein: 40, middelgroot: 120, groot: 30, onbekend: 88 } });
    expectFigure(svg, { name: 'size-mix-mixed', ...SIZE_MIX_SIZE, title: 'Grootte van de steunpunten in beeld, 2025' });
    expect(svg).toContain('>120 (43%)</text>');
    expect(svg).not.toContain('geen enkel');
  });

  it('renders without steunpunten at all', async () => {
    const svg = await sizeMixSvg({ year: 2024, counts: {} });
    expect(svg).toContain('>Geen steunpunten in beeld.</text>');
    expect(svg).not.toContain('NaN');
  });

  it('is byte-identical when rendered twice', async () => {
    const input = { year: 2024, counts: { onbekend: 278 } };
    expect(await sizeMixSvg(input)).toBe(await sizeMixSvg(input));
  });

  it('says how many steunpunten are in view', () => {
    expect(sizeMixSubtitle({ klein: 1000, groot: 500 })).toEqual(['1.500 steunpunten in beeld']);
  });
});
