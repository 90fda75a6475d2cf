import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageHeader, sniffImageFormat } from './imageHeader';

const CORPUS = new URL('../../../../shared/corpus/ocr/tesseract.js/', import.meta.url);

function chunk(type: string, data: number[] = []): number[] {
  const length = data.length;
  return [
    (length >>> 24) & 255,
    (length >>> 16) & 255,
    (length >>> 8) & 255,
    length & 255,
    ...Buffer.from(type, 'ascii'),
    ...data,
    0,
    0,
    0,
    0, // CRC (not checked)
  ];
}
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

function png(width: number, height: number, { end = true } = {}): Uint8Array {
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', [...be32(width), ...be32(height), 8, 6, 0, 0, 0]),
    ...chunk('IDAT', [1, 2, 3, 4]),
    ...(end ? chunk('IEND') : []),
  ]);
}

function jpeg(width: number, height: number, { end = true } = {}): Uint8Array {
  const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0];
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    4,
    0,
    0,
    ...sof,
    ...sos,
    0x12,
    0x34,
    0x56,
    ...(end ? [0xff, 0xd9] : []),
  ]);
}

describe('readImageHeader', () => {
  it('reads PNG and JPEG sizes from their headers', () => {
    expect(readImageHeader(png(1080, 2340))).toEqual({
      ok: true,
      image: { format: 'png', mediaType: 'image/png', width: 1080, height: 2340 },
    });
    expect(readImageHeader(jpeg(640, 480))).toMatchObject({
      ok: true,
      image: { format: 'jpeg', width: 640, height: 480 },
    });
  });

  it('refuses a 40,000 × 40,000 image before decoding, as a decompression bomb', () => {
    const result = readImageHeader(png(40_000, 40_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/40,000 × 40,000 pixels.*decompression bomb/);
    expect(readImageHeader(jpeg(15_000, 15_000)).ok).toBe(false); // 225 MP
  });

  it('says when a PNG or JPEG is truncated', () => {
    const full = png(10, 10);
    expect(readImageHeader(full.subarray(0, full.length - 20))).toEqual({
      ok: false,
      reason: expect.stringMatching(/PNG file is truncated/),
    });
    expect(readImageHeader(png(10, 10, { end: false }))).toMatchObject({ ok: false });
    expect(readImageHeader(jpeg(10, 10, { end: false }))).toEqual({
      ok: false,
      reason: expect.stringMatching(/JPEG file is truncated/),
    });
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/truncated/),
    });
  });

  it('reads GIF and WebP headers', () => {
    const gif = new Uint8Array([
      ...Buffer.from('GIF89a'),
      3,
      0,
      2,
      0,
      0x80,
      0,
      0,
      ...new Array(6).fill(0), // 2-colour table
      0x2c,
      0,
      0,
      0,
      0,
      3,
      0,
      2,
      0,
      0,
      2,
      2,
      0x4c,
      0x01,
      0,
      0x3b,
    ]);
    expect(readImageHeader(gif)).toMatchObject({ ok: true, image: { width: 3, height: 2 } });
    expect(readImageHeader(gif.subarray(0, gif.length - 4))).toMatchObject({ ok: false });

    const vp8l = new Uint8Array(40);
    vp8l.set(Buffer.from('RIFF'), 0);
    vp8l.set([32, 0, 0, 0], 4);
    vp8l.set(Buffer.from('WEBPVP8L'), 8);
    // 14 bits width-1 = 99, 14 bits height-1 = 49
    const bits = 99 | (49 << 14);
    vp8l.set([bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255], 21);
    expect(readImageHeader(vp8l)).toMatchObject({ ok: true, image: { width: 100, height: 50 } });
    expect(readImageHeader(vp8l.subarray(0, 35))).toMatchObject({ ok: false });
  });

  it('refuses empty and non-image files with a reason', () => {
    expect(readImageHeader(new Uint8Array())).toMatchObject({ reason: /empty \(0 bytes\)/ });
    expect(readImageHeader(Buffer.from('hello world, not a picture'))).toMatchObject({
      reason: /not a PNG, JPEG, GIF, WebP or HEIC image/,
    });
    expect(sniffImageFormat(Buffer.from('....ftypavif....'))).toBeUndefined();
  });

  it.skipIf(!existsSync(CORPUS))('reads the corpus OCR images', () => {
    for (const name of ['simple.png', 'simple.jpg', 'testocr.png', 'testocr.jpg', 'bill.png']) {
      const result = readImageHeader(new Uint8Array(readFileSync(new URL(name, CORPUS))));
      expect(result.ok, name).toBe(true);
      if (result.ok) expect(result.image.width).toBeGreaterThan(10);
    }
  });
});
