/** The checks every figure gets: PNG size, not blank, its title, nothing of the machine in it. */
import { homedir, tmpdir } from 'node:os';
import { expect } from 'vitest';
import { svgToPng } from '../../../../outputs/figures/render-png.ts';
import { writeReviewPng } from './figure-data.ts';
import { decodePng, inkShare, pngSize } from './png.ts';

export interface FigureExpectation {
  /** File name of the review PNG. */
  name: string;
  width: number;
  height: number;
  /** A title (or its first line) that must appear as one visible text element. */
  title: string;
  /** The whole title, as the image's accessible name; default `title`. */
  fullTitle?: string;
  /** Minimum share of non-white pixels. */
  minInk?: number;
}

export function expectFigure(svg: string, expected: FigureExpectation): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(`width="${expected.width}"`);
  expect(svg).toContain(`height="${expected.height}"`);
  // As one whole text element: vega would shorten a title that does not fit with an ellipsis.
  expect(svg).toContain(`>${expected.title}</text>`);
  expect(svg).toContain(`role="img" aria-label="${expected.fullTitle ?? expected.title}"`);
  // Vega's English screen-reader labels must not survive.
  expect(svg).not.toMatch(/mark container|Title text|axis titled|aria-roledescription/i);
  for (const local of [process.cwd(), homedir(), tmpdir(), 'file:']) expect(svg).not.toContain(local);

  const png = svgToPng(svg);
  writeReviewPng(expected.name, png);
  expect(pngSize(png)).toEqual({ width: expected.width, height: expected.height });
  expect(inkShare(decodePng(png))).toBeGreaterThan(expected.minInk ?? 0.03);
}
