/**
 * Rasterises a figure's SVG to PNG with resvg, using the fonts installed on the machine
 * (DejaVu Sans) so that text renders; for tests and for images embedded in the Excel overview.
 */
import { Resvg } from '@resvg/resvg-js';

/** `width` in pixels scales the image (height follows); default: the SVG's own size. */
export function svgToPng(svg: string, width?: number): Uint8Array {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: width === undefined ? { mode: 'original' } : { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}
