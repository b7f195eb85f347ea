/** The workbook's images are drawn with svgToPngAsync (off the main thread): the same bytes as svgToPng. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgToPng, svgToPngAsync } from '../../../outputs/figures/render-png.ts';

const MAP = new URL('../../../reports/2024/figuren/afstand-kaart.svg', import.meta.url);
const TEXT =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">' +
  '<text x="10" y="60" font-family="DejaVu Sans, Arial, sans-serif" font-size="40">Tekst</text></svg>';

describe('svgToPngAsync', () => {
  it.each([
    ['text', TEXT, undefined],
    ['text scaled to a width', TEXT, 400],
    ['the 2024 distance map', readFileSync(MAP, 'utf8'), undefined],
  ])('gives the bytes svgToPng gives: %s', async (_name, svg, width) => {
    const sync = svgToPng(svg, width);
    expect(sync.length).toBeGreaterThan(100);
    expect(Buffer.from(await svgToPngAsync(svg, width)).equals(Buffer.from(sync))).toBe(true);
  });
});
