/**
 * Rasterises a figure's SVG to PNG with resvg, using the fonts installed on the machine
 * (DejaVu Sans) so that text renders; for tests and for images embedded in the Excel overview.
 */
import { createRequire } from 'node:module';

let resvg: typeof import('@resvg/resvg-js') | undefined;

/**
 * `width` in pixels scales the image (height follows); default: the SVG's own size. resvg (a
 * native module) is loaded at the first image, in the thread that renders them (report-parts.ts).
 */
export function svgToPng(svg: string, width?: number): Uint8Array {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const image = new resvg.Resvg(svg, {
    background: 'white',
    fitTo: width === undefined ? { mode: 'original' } : { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(image.render().asPng());
}
