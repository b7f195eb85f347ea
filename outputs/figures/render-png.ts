/**
 * Rasterises a figure's SVG to PNG with resvg, using the fonts installed on the machine
 * (DejaVu Sans) so that text renders; for tests and for images embedded in the Excel overview.
 */
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

let resvgModule: typeof import('@resvg/resvg-js') | undefined;

/** resvg (a native module) is loaded at the first image. */
function resvg(): typeof import('@resvg/resvg-js') {
  resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return resvgModule;
}

/**
 * Loads resvg now, for a caller with time for it before the first image: its loader asks Node for a
 * diagnostic report to tell glibc from musl, which takes tens of milliseconds.
 */
export function loadResvg(): void {
  resvg();
}

/** `width` in pixels scales the image (height follows); default: the SVG's own size. */
function renderOptions(width: number | undefined): ResvgRenderOptions {
  return {
    background: 'white',
    fitTo: width === undefined ? { mode: 'original' } : { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  };
}

export function svgToPng(svg: string, width?: number): Uint8Array {
  return new Uint8Array(new (resvg().Resvg)(svg, renderOptions(width)).render().asPng());
}

/** The same image, drawn on a thread of libuv's pool while this thread goes on. */
export async function svgToPngAsync(svg: string, width?: number): Promise<Uint8Array> {
  return new Uint8Array((await resvg().renderAsync(svg, renderOptions(width))).asPng());
}
