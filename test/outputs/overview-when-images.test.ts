/**
 * The report writes the overview before its images are PNG (overviewBytesWhenImages, with the sizes
 * pngSizeOf reads from the figures) and packs their bytes in when they come: the same bytes as the
 * overview made with the images at hand, also when a size was expected wrongly.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pngSizeOf, svgToPng } from '../../outputs/figures/render-png.ts';
import { overviewBytes, overviewBytesWhenImages, type ExpectedImage } from '../../pipeline/workbook/write/overview.ts';
import { repackZip } from '../../pipeline/workbook/write/repack-zip.ts';
import { pngSize } from '../../pipeline/workbook/write/sheets/explanation.ts';
import type { OverviewImage } from '../../pipeline/workbook/extras.ts';
import { buildMonitor2024, type Monitor2024 } from '../pipeline/workbook/monitor-2024.ts';

const FIGURES = ['afstand-kaart.svg', 'gewenst-en-gewogen-per-provincie.svg'].map((name) => readFileSync(new URL(`../../reports/2024/figuren/${name}`, import.meta.url), 'utf8'));
const SCALED =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200.4" height="99.6" viewBox="0 0 200 100">' +
  '<text x="10" y="60" font-family="DejaVu Sans, Arial, sans-serif" font-size="40">Tekst</text></svg>';

describe('pngSizeOf', () => {
  it.each([...FIGURES, SCALED].map((svg, index) => [index, svg] as const))('gives the size svgToPng draws at (figure %i)', (_index, svg) => {
    expect(pngSizeOf(svg)).toEqual(pngSize(svgToPng(svg)));
  });
});

describe('overviewBytesWhenImages', () => {
  let monitor: Monitor2024;
  let images: OverviewImage[];
  let expected: ExpectedImage[];
  beforeAll(async () => {
    monitor = await buildMonitor2024();
    images = FIGURES.map((svg, index) => ({ name: `Figuur ${index + 1}`, png: svgToPng(svg) }));
    expected = FIGURES.map((svg, index) => ({ name: `Figuur ${index + 1}`, ...pngSizeOf(svg) }));
  });

  it('gives the bytes of the overview made with the images at hand', async () => {
    const whole = await overviewBytes(monitor.data, { images });
    const packed = await overviewBytesWhenImages(monitor.data, {}, Promise.resolve(expected), Promise.resolve(images));
    expect(Buffer.from(packed).equals(Buffer.from(whole))).toBe(true);
  });

  it('gives the same bytes when an image comes in another size than expected', async () => {
    const whole = await overviewBytes(monitor.data, { images });
    const wrong = expected.map((image, index) => (index === 1 ? { ...image, height: image.height + 1 } : image));
    const packed = await overviewBytesWhenImages(monitor.data, {}, Promise.resolve(wrong), Promise.resolve(images));
    expect(Buffer.from(packed).equals(Buffer.from(whole))).toBe(true);
  });
});

describe('repackZip', () => {
  it('refuses to replace an entry the zip does not hold, rather than leave an image empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Blad');
    const stored = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
    expect(repackZip(stored, new Date(0), {}, {}).length).toBeGreaterThan(0);
    expect(() => repackZip(stored, new Date(0), {}, { 'xl/media/image1.png': new Uint8Array(1) })).toThrow('xlsx: no entry xl/media/image1.png to replace');
  });
});
