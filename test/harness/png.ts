import { PNG } from 'pngjs';

/** A decoded PNG: its size and RGBA pixels, row by row. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Decodes PNG bytes; throws on anything that is not a PNG. */
export function decodePng(bytes: Uint8Array): Pixels {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: png.width, height: png.height, data: png.data };
}

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels darker than near-white in a region (the whole image by default): ink. */
export function inkPixels(img: Pixels, region: Region = { x: 0, y: 0, width: img.width, height: img.height }): number {
  let n = 0;
  for (let y = region.y; y < region.y + region.height; y += 1) {
    for (let x = region.x; x < region.x + region.width; x += 1) {
      const i = (y * img.width + x) * 4;
      if (img.data[i]! < 200 || img.data[i + 1]! < 200 || img.data[i + 2]! < 200) n += 1;
    }
  }
  return n;
}

/** Pixels within `tolerance` of a colour (`#2f6db5`). */
export function pixelsOfColor(img: Pixels, hex: string, tolerance = 12): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i]! - r) <= tolerance && Math.abs(img.data[i + 1]! - g) <= tolerance && Math.abs(img.data[i + 2]! - b) <= tolerance) n += 1;
  }
  return n;
}

/** The pixels of a region, for comparing two renderings of a cell. */
export function regionBytes(img: Pixels, region: Region): Uint8Array {
  const out = new Uint8Array(region.width * region.height * 4);
  for (let y = 0; y < region.height; y += 1) {
    const from = ((region.y + y) * img.width + region.x) * 4;
    out.set(img.data.subarray(from, from + region.width * 4), y * region.width * 4);
  }
  return out;
}
