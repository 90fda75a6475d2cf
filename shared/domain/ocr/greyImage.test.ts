import { describe, expect, it } from 'vitest';
import { greyPgm, pgmHeader, rgbaToGrey } from './greyImage';

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

describe('pgmHeader', () => {
  it('writes a binary 8-bit grey header', () => {
    expect(ascii(pgmHeader(1080, 1920))).toBe('P5\n1080 1920\n255\n');
  });

  it('refuses sizes that are not positive whole numbers', () => {
    expect(() => pgmHeader(0, 10)).toThrow(RangeError);
    expect(() => pgmHeader(10, 2.5)).toThrow(RangeError);
  });
});

describe('rgbaToGrey', () => {
  it('weighs red, green and blue as Leptonica does (0.3, 0.5, 0.2), rounded', () => {
    const rgba = [255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 7, 94, 84, 0];
    const out = new Uint8Array(8).fill(9);
    expect(rgbaToGrey(rgba, out, 2)).toBe(8);
    // white, black, red 76.5 → 77, green 127.5 → 128, blue 51, #075e54 (alpha ignored) 65.9 → 66
    expect([...out]).toEqual([9, 9, 255, 0, 77, 128, 51, 66]);
  });

  it('refuses pixels that do not fit', () => {
    expect(() => rgbaToGrey([1, 2, 3], new Uint8Array(4), 0)).toThrow(RangeError);
    expect(() => rgbaToGrey([1, 2, 3, 4, 5, 6, 7, 8], new Uint8Array(1), 0)).toThrow(RangeError);
  });
});

describe('greyPgm', () => {
  it('reads the image in bands of rows and writes one grey byte per pixel after the header', () => {
    const width = 3;
    const height = 5;
    const asked: [number, number][] = [];
    const pgm = greyPgm(
      width,
      height,
      (y, rows) => {
        asked.push([y, rows]);
        // Each pixel's grey value is its row number times ten.
        return Array.from({ length: width * rows }, (_, i) => {
          const v = (y + Math.floor(i / width)) * 10;
          return [v, v, v, 255];
        }).flat();
      },
      2,
    );
    expect(asked).toEqual([
      [0, 2],
      [2, 2],
      [4, 1],
    ]);
    const header = 'P5\n3 5\n255\n';
    expect(ascii(pgm.subarray(0, header.length))).toBe(header);
    expect([...pgm.subarray(header.length)]).toEqual([0, 0, 0, 10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40]);
  });

  it('refuses a band of the wrong size', () => {
    expect(() => greyPgm(2, 2, () => [0, 0, 0, 255])).toThrow(/came back with 4 values, not 16/);
  });
});
