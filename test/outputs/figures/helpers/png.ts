/**
 * Just enough PNG decoding for the figure tests: the size from the IHDR chunk, and the pixels of
 * an 8-bit RGBA, non-interlaced image (what resvg writes) to check a figure is not blank.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngSize {
  width: number;
  height: number;
}

export interface DecodedPng extends PngSize {
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

export function pngSize(png: Uint8Array): PngSize {
  const header = chunks(png).find((chunk) => chunk.type === 'IHDR');
  if (!header) throw new Error('PNG without IHDR');
  const view = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

export function decodePng(png: Uint8Array): DecodedPng {
  const all = chunks(png);
  const header = all.find((chunk) => chunk.type === 'IHDR');
  if (!header) throw new Error('PNG without IHDR');
  const [bitDepth, colourType, , , interlace] = header.data.subarray(8, 13);
  if (bitDepth !== 8 || colourType !== 6 || interlace !== 0) {
    throw new Error(`only 8-bit RGBA non-interlaced PNG (got depth ${bitDepth}, colour type ${colourType})`);
  }
  const { width, height } = pngSize(png);
  const compressed = Buffer.concat(all.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data));
  return { width, height, pixels: unfilter(inflateSync(compressed), width, height, 4) };
}

/** Share of pixels that differ visibly from white. */
export function inkShare(image: DecodedPng): number {
  let ink = 0;
  for (let offset = 0; offset < image.pixels.length; offset += 4) {
    const [r = 255, g = 255, b = 255] = image.pixels.subarray(offset, offset + 3);
    if (r < 240 || g < 240 || b < 240) ink += 1;
  }
  return ink / (image.width * image.height);
}

function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  if (!SIGNATURE.every((byte, index) => png[index] === byte)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: { type: string; data: Uint8Array }[] = [];
  let offset = SIGNATURE.length;
  while (offset + 8 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    found.push({ type, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
  }
  return found;
}

function unfilter(data: Uint8Array, width: number, height: number, bytesPerPixel: number): Uint8Array {
  const stride = width * bytesPerPixel;
  const out = new Uint8Array(stride * height);
  for (let row = 0; row < height; row += 1) {
    const filter = data[row * (stride + 1)];
    const source = row * (stride + 1) + 1;
    const target = row * stride;
    for (let column = 0; column < stride; column += 1) {
      const raw = data[source + column] ?? 0;
      const left = column >= bytesPerPixel ? (out[target + column - bytesPerPixel] ?? 0) : 0;
      const up = row > 0 ? (out[target - stride + column] ?? 0) : 0;
      const upLeft = row > 0 && column >= bytesPerPixel ? (out[target - stride + column - bytesPerPixel] ?? 0) : 0;
      out[target + column] = (raw + predictor(filter ?? 0, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const estimate = left + up - upLeft;
      const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}
