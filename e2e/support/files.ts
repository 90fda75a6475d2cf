import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The sample corpus beside the repository (never copied into it). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** True when the corpus is there; tests that need it skip with this sentence otherwise. */
export const hasCorpus = existsSync(CORPUS);
export const NO_CORPUS =
  'The sample corpus (../shared/corpus beside the repository) is absent: corpus tests skipped.';

/** A corpus file's bytes. */
export function corpusFile(path: string): Buffer {
  return readFileSync(`${CORPUS}${path}`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid greyscale PNG of the given size whose pixels are all white, written by hand (no image
 * library needed). The IDAT is small for any size because white rows deflate to almost nothing,
 * which is exactly what makes a decompression bomb.
 */
export function whitePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rowCount = Math.min(height, 64);
  const raw = Buffer.alloc(rowCount * (width + 1), 0xff);
  for (let row = 0; row < rowCount; row += 1) raw[row * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A copy of a JPEG with an EXIF block carrying an author name, a camera serial number and GPS
 * coordinates (written by hand: IFD0 with Artist, BodySerialNumber via the Exif IFD, and a GPS IFD).
 */
export function jpegWithIdentifyingExif(
  jpeg: Buffer,
  { artist, serial, lat, lon }: { artist: string; serial: string; lat: number; lon: number },
): Buffer {
  type Entry = { tag: number; type: number; count: number; value: Buffer };
  const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');
  const rationals = (degrees: number) => {
    const d = Math.floor(degrees);
    const m = Math.floor((degrees - d) * 60);
    const s = Math.round(((degrees - d) * 60 - m) * 60 * 100);
    const out = Buffer.alloc(24);
    [d, 1, m, 1, s, 100].forEach((n, i) => out.writeUInt32LE(n, i * 4));
    return out;
  };
  // Lays out one IFD at `offset` (from the TIFF header); returns its bytes.
  const ifd = (entries: Entry[], offset: number): Buffer => {
    const head = 2 + entries.length * 12 + 4;
    let dataAt = offset + head;
    const table = Buffer.alloc(head);
    table.writeUInt16LE(entries.length, 0);
    const data: Buffer[] = [];
    entries.forEach((entry, i) => {
      const at = 2 + i * 12;
      table.writeUInt16LE(entry.tag, at);
      table.writeUInt16LE(entry.type, at + 2);
      table.writeUInt32LE(entry.count, at + 4);
      if (entry.value.length <= 4) entry.value.copy(table, at + 8);
      else {
        table.writeUInt32LE(dataAt, at + 8);
        data.push(entry.value);
        dataAt += entry.value.length + (entry.value.length % 2);
        if (entry.value.length % 2) data.push(Buffer.alloc(1));
      }
    });
    return Buffer.concat([table, ...data]);
  };
  const long = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const artistValue = ascii(artist);
  // Sizes are fixed by the entry counts, so offsets can be computed before writing.
  const ifd0Size = (entries: number, extra: number) => 2 + entries * 12 + 4 + extra;
  const ifd0At = 8;
  const ifd0Len = ifd0Size(3, artistValue.length + (artistValue.length % 2));
  const exifAt = ifd0At + ifd0Len;
  const serialValue = ascii(serial);
  const exifLen = ifd0Size(1, serialValue.length + (serialValue.length % 2));
  const gpsAt = exifAt + exifLen;
  const ifd0 = ifd(
    [
      { tag: 0x013b, type: 2, count: artistValue.length, value: artistValue },
      { tag: 0x8769, type: 4, count: 1, value: long(exifAt) },
      { tag: 0x8825, type: 4, count: 1, value: long(gpsAt) },
    ],
    ifd0At,
  );
  const exif = ifd([{ tag: 0xa431, type: 2, count: serialValue.length, value: serialValue }], exifAt);
  const gps = ifd(
    [
      { tag: 0x0001, type: 2, count: 2, value: Buffer.from('N\0') },
      { tag: 0x0002, type: 5, count: 3, value: rationals(lat) },
      { tag: 0x0003, type: 2, count: 2, value: Buffer.from('E\0') },
      { tag: 0x0004, type: 5, count: 3, value: rationals(lon) },
    ],
    gpsAt,
  );
  const tiff = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), long(ifd0At), ifd0, exif, gps]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2)]);
}

/** A small PDF with one line of text per page, in Helvetica (written by hand, xref and all). */
export function textPdf(pages: string[], info: { author?: string; title?: string } = {}): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((line, i) => {
    const escaped = line.replace(/[\\()]/g, (c) => `\\${c}`);
    const stream = `BT /F1 14 Tf 72 720 Td (${escaped}) Tj ET`;
    objects[4 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  const infoFields = [
    info.title ? `/Title (${info.title})` : '',
    info.author ? `/Author (${info.author})` : '',
  ].join(' ');
  objects[infoId] = `<< ${infoFields} >>`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
