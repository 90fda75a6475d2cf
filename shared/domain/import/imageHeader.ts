/**
 * Reads an image's format and pixel dimensions from its header, and checks that its structure is
 * complete, without decoding a single pixel. This is how a decompression bomb (a small file that
 * claims 40,000 × 40,000 pixels) is refused before anything allocates memory for it, and how a
 * truncated download gets a clear message instead of a half-grey picture.
 */

/** The widest or tallest image Casefile decodes, in pixels. */
export const MAX_IMAGE_SIDE = 20_000;
/** The most pixels an image may have (100 megapixels, about 400 MB once decoded). */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** Image formats the importer takes. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'heic';

export const IMAGE_MEDIA_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** What the header says. */
export interface ImageHeader {
  format: ImageFormat;
  mediaType: string;
  width: number;
  height: number;
}

export type ImageHeaderResult = { ok: true; image: ImageHeader } | { ok: false; reason: string };

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) =>
  (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) =>
  (((b[at] ?? 0) << 24) >>> 0) + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));
const u32le = (b: Uint8Array, at: number) =>
  ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
const ascii = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, at + length));

/** The image format of a file from its first bytes, or undefined when it is not one we take. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return 'webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (/^(heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif)$/.test(brand)) {
      // AVIF shares the container; only HEIC is decoded here.
      return brand === 'avif' ? undefined : 'heic';
    }
  }
  return undefined;
}

const truncated = (what: string) => ({
  ok: false as const,
  reason: `This ${what} file is truncated (it ends before the image does): it may not have finished downloading or copying. Nothing was imported; try the complete file.`,
});
const damaged = (what: string, detail: string) => ({
  ok: false as const,
  reason: `This ${what} file is damaged (${detail}), so it cannot be read as an image.`,
});

function readPng(b: Uint8Array): ImageHeaderResult {
  if (b.length < 33) return truncated('PNG');
  if (ascii(b, 12, 4) !== 'IHDR') return damaged('PNG', 'it has no image header');
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  // Walk the chunks: each is length, type, data, CRC; the last one must be IEND.
  let at = 8;
  let sawEnd = false;
  while (at + 8 <= b.length) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    const next = at + 12 + length;
    if (next > b.length) return truncated('PNG');
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    at = next;
  }
  if (!sawEnd) return truncated('PNG');
  return { ok: true, image: { format: 'png', mediaType: 'image/png', width, height } };
}

function readJpeg(b: Uint8Array): ImageHeaderResult {
  let at = 2;
  let width = 0;
  let height = 0;
  let scanStart = -1;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return damaged('JPEG', 'a marker is missing');
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) break;
    const length = u16be(b, at + 2);
    if (length < 2) return damaged('JPEG', 'a segment has an impossible length');
    if (at + 2 + length > b.length) return truncated('JPEG');
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && width === 0) {
      height = u16be(b, at + 5);
      width = u16be(b, at + 7);
    }
    if (marker === 0xda) {
      scanStart = at + 2 + length;
      break;
    }
    at += 2 + length;
  }
  if (scanStart < 0) {
    return at + 4 > b.length ? truncated('JPEG') : damaged('JPEG', 'it has no image data');
  }
  if (width === 0 || height === 0) return damaged('JPEG', 'it has no frame header');
  // The compressed data runs to the end-of-image marker; a file cut short has none after it.
  let end = -1;
  for (let i = b.length - 2; i >= scanStart; i -= 1) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) {
      end = i;
      break;
    }
  }
  if (end < 0) return truncated('JPEG');
  return { ok: true, image: { format: 'jpeg', mediaType: 'image/jpeg', width, height } };
}

function skipSubBlocks(b: Uint8Array, at: number): number {
  while (at < b.length) {
    const size = b[at] ?? 0;
    at += 1;
    if (size === 0) return at;
    at += size;
  }
  return -1;
}

function readGif(b: Uint8Array): ImageHeaderResult {
  if (b.length < 13) return truncated('GIF');
  const width = u16le(b, 6);
  const height = u16le(b, 8);
  const flags = b[10] ?? 0;
  let at = 13;
  if (flags & 0x80) at += 3 * (1 << ((flags & 0x07) + 1));
  let frames = 0;
  for (;;) {
    if (at >= b.length) return truncated('GIF');
    const kind = b[at];
    if (kind === 0x3b) break;
    if (kind === 0x21) {
      at = skipSubBlocks(b, at + 2);
    } else if (kind === 0x2c) {
      if (at + 10 > b.length) return truncated('GIF');
      const local = b[at + 9] ?? 0;
      at += 10;
      if (local & 0x80) at += 3 * (1 << ((local & 0x07) + 1));
      at = skipSubBlocks(b, at + 1);
      frames += 1;
    } else {
      // Some writers end without a trailer after the last frame; that is still a whole image.
      if (frames > 0 && b.subarray(at).every((byte) => byte === 0)) break;
      return damaged('GIF', 'an unknown block follows the header');
    }
    if (at < 0) return truncated('GIF');
  }
  if (frames === 0) return damaged('GIF', 'it holds no picture');
  return { ok: true, image: { format: 'gif', mediaType: 'image/gif', width, height } };
}

function readWebp(b: Uint8Array): ImageHeaderResult {
  if (b.length < 30) return truncated('WebP');
  if (u32le(b, 4) + 8 > b.length) return truncated('WebP');
  const chunk = ascii(b, 12, 4);
  let width = 0;
  let height = 0;
  if (chunk === 'VP8X') {
    width = u24le(b, 24) + 1;
    height = u24le(b, 27) + 1;
  } else if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8 ') {
    width = u16le(b, 26) & 0x3fff;
    height = u16le(b, 28) & 0x3fff;
  } else return damaged('WebP', `its first chunk is “${chunk}”`);
  return { ok: true, image: { format: 'webp', mediaType: 'image/webp', width, height } };
}

function readHeic(b: Uint8Array): ImageHeaderResult {
  // The 'ispe' property (image spatial extents) of each image item; a grid's is the largest.
  let width = 0;
  let height = 0;
  for (let at = 4; at + 16 <= b.length; at += 1) {
    if (b[at] === 0x69 && ascii(b, at, 4) === 'ispe') {
      const w = u32be(b, at + 8);
      const h = u32be(b, at + 12);
      if (w * h > width * height) {
        width = w;
        height = h;
      }
    }
  }
  if (width === 0 || height === 0) return damaged('HEIC', 'it states no image size');
  return { ok: true, image: { format: 'heic', mediaType: 'image/heic', width, height } };
}

/**
 * Reads and checks an image's header: its format, its size in pixels, and whether the file is
 * whole. Refuses sizes past {@link MAX_IMAGE_SIDE} and {@link MAX_IMAGE_PIXELS} before decoding.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeaderResult {
  if (bytes.length === 0) {
    return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
  }
  const format = sniffImageFormat(bytes);
  let result: ImageHeaderResult;
  switch (format) {
    case 'png':
      result = readPng(bytes);
      break;
    case 'jpeg':
      result = readJpeg(bytes);
      break;
    case 'gif':
      result = readGif(bytes);
      break;
    case 'webp':
      result = readWebp(bytes);
      break;
    case 'heic':
      result = readHeic(bytes);
      break;
    default:
      return {
        ok: false,
        reason:
          'This file is not a PNG, JPEG, GIF, WebP or HEIC image, whatever its name says, so it was not imported.',
      };
  }
  if (!result.ok) return result;
  const { width, height } = result.image;
  if (width <= 0 || height <= 0) return damaged(format.toUpperCase(), 'it states a size of 0 pixels');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      reason: `This image says it is ${width.toLocaleString('en-GB')} × ${height.toLocaleString('en-GB')} pixels, more than Casefile will decode (${MAX_IMAGE_SIDE.toLocaleString('en-GB')} pixels a side, ${MAX_IMAGE_PIXELS / 1_000_000} megapixels): it could exhaust memory (a decompression bomb). It was refused before decoding.`,
    };
  }
  return result;
}
