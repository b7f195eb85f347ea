import { describe, expect, it } from 'vitest';
import { formatChangeNl, formatCountNl, formatNumberNl } from '../../../pipeline/format-nl.ts';
import { sequentialColours } from '../../../outputs/figures/palette.ts';
import { svgToPng } from '../../../outputs/figures/render-png.ts';
import { escapeXml, normalizeSvgIds, wrapText } from '../../../outputs/figures/svg.ts';
import { decodePng, inkShare, pngSize } from './helpers/png.ts';

describe('normalizeSvgIds', () => {
  it('renumbers ids and their references in order of appearance', () => {
    const svg = '<svg><clipPath id="clip17"><rect/></clipPath><g clip-path="url(#clip17)"/><linearGradient id="gradient_4"/><use href="#gradient_4"/></svg>';
    expect(normalizeSvgIds(svg)).toBe(
      '<svg><clipPath id="fig1"><rect/></clipPath><g clip-path="url(#fig1)"/><linearGradient id="fig2"/><use href="#fig2"/></svg>',
    );
    expect(normalizeSvgIds(svg.replaceAll('clip17', 'clip3'))).toBe(normalizeSvgIds(svg));
  });
});

describe('Dutch numbers in figures', () => {
  it('formats with a thousands dot, decimal comma and a real minus sign', () => {
    expect(formatNumberNl(1011)).toBe('1.011');
    expect(formatNumberNl(1.3, 2)).toBe('1,30');
    expect(formatCountNl(19.5)).toBe('19,5');
    expect(formatCountNl(278)).toBe('278');
    expect(formatChangeNl(3)).toBe('+3');
    expect(formatChangeNl(-1.5)).toBe('−1,5');
    expect(formatChangeNl(0)).toBe('0');
  });
});

describe('svg text', () => {
  it('escapes markup and wraps long text on word boundaries', () => {
    expect(escapeXml('A & B <c> "d"')).toBe('A &amp; B &lt;c&gt; &quot;d&quot;');
    const lines = wrapText('Afstand vanaf het midden van de gemeente, in km', 180, 12, 'bold');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Afstand vanaf het midden van de gemeente, in km');
  });
});

describe('palette', () => {
  it('has a light-to-dark sequential palette for 1 to 7 classes', () => {
    for (let count = 1; count <= 7; count += 1) expect(sequentialColours(count)).toHaveLength(count);
    expect(() => sequentialColours(8)).toThrow();
  });
});

describe('svgToPng', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">' +
    '<text x="10" y="60" font-family="DejaVu Sans, Arial, sans-serif" font-size="40">Tekst</text></svg>';

  it('renders text with the system fonts, at the SVG size or scaled to a width', () => {
    const png = svgToPng(svg);
    expect(pngSize(png)).toEqual({ width: 200, height: 100 });
    expect(inkShare(decodePng(png))).toBeGreaterThan(0.03);
    expect(pngSize(svgToPng(svg, 400))).toEqual({ width: 400, height: 200 });
  });

  it('is deterministic', () => {
    expect(Buffer.from(svgToPng(svg)).equals(Buffer.from(svgToPng(svg)))).toBe(true);
  });
});
