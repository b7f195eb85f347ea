/**
 * Rasterises a figure's SVG to PNG with resvg, using the fonts installed on the machine
 * (DejaVu Sans) so that text renders; for tests and for images embedded in the Excel overview.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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

/** Where distributions install DejaVu Sans; the figures use its regular and bold faces only. */
const DEJAVU_DIRECTORIES = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
const DEJAVU_FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

type FontOptions = NonNullable<ResvgRenderOptions['font']>;
let fontOptions: FontOptions | undefined;

/**
 * resvg reads every font it is given for each image (about 7 ms for the machine's fonts), so it gets
 * the two faces the figures use when they are found, else all installed fonts.
 */
function fonts(): FontOptions {
  const family = { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  fontOptions ??= ((): FontOptions => {
    const directory = DEJAVU_DIRECTORIES.find((candidate) => DEJAVU_FACES.every((face) => existsSync(join(candidate, face))));
    return directory === undefined
      ? { loadSystemFonts: true, ...family }
      : { loadSystemFonts: false, fontFiles: DEJAVU_FACES.map((face) => join(directory, face)), ...family };
  })();
  return fontOptions;
}

/** `width` in pixels scales the image (height follows); default: the SVG's own size. */
function renderOptions(width: number | undefined): ResvgRenderOptions {
  return {
    background: 'white',
    fitTo: width === undefined ? { mode: 'original' } : { mode: 'width', value: width },
    font: fonts(),
  };
}

/**
 * The width and height svgToPng draws `svg` at (`width` not given: the SVG's own size), read
 * without drawing it or loading fonts (a millisecond or two).
 */
export function pngSizeOf(svg: string): { width: number; height: number } {
  const tree = new (resvg().Resvg)(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, logLevel: 'off' });
  return { width: Math.ceil(tree.width), height: Math.ceil(tree.height) };
}

export function svgToPng(svg: string, width?: number): Uint8Array {
  return new Uint8Array(new (resvg().Resvg)(svg, renderOptions(width)).render().asPng());
}

/** The same image, drawn on a thread of libuv's pool while this thread goes on. */
export async function svgToPngAsync(svg: string, width?: number): Promise<Uint8Array> {
  return new Uint8Array((await resvg().renderAsync(svg, renderOptions(width))).asPng());
}
