import exifr from 'exifr';
import { readImageHeader, type ImageHeader } from '@shared/domain/import/imageHeader';
import { greyPgm } from '@shared/domain/ocr/greyImage';
import {
  findIdentifyingMetadata,
  identifyingMetadataWarning,
  type IdentifyingItem,
} from '@shared/domain/import/identifyingMetadata';

/** An image checked, decoded once, and ready for OCR. */
export interface PreparedImage {
  header: ImageHeader;
  /** Size as displayed (after the EXIF orientation is applied): the pixel space of word boxes. */
  width: number;
  height: number;
  /**
   * The upright image in 8-bit grey (a binary PGM), for the OCR engine: same pixel space as the
   * display, made from the one decode above.
   */
  ocrInput: Uint8Array;
  metadata: Record<string, unknown>;
  identifying: IdentifyingItem[];
  warnings: string[];
}

export type PrepareImageResult = { ok: true; image: PreparedImage } | { ok: false; reason: string };

/** Metadata values worth showing: short text and numbers, not binary blobs or thumbnails. */
function displayable(value: unknown): unknown {
  if (value == null) return undefined;
  if (typeof value === 'string') return value.length > 500 ? `${value.slice(0, 500)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return undefined;
  if (Array.isArray(value)) {
    if (value.length > 16) return undefined;
    const items = value.map(displayable).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('value' in record) return displayable(record.value);
    return undefined;
  }
  return undefined;
}

/** Reads EXIF, XMP and IPTC metadata, flattened and reduced to what can be shown. */
export async function readImageMetadata(bytes: Uint8Array): Promise<Record<string, unknown>> {
  let raw: Record<string, unknown> | undefined;
  try {
    raw = (await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      icc: false,
      jfif: false,
      ihdr: false,
      makerNote: false,
      userComment: true,
      mergeOutput: true,
    })) as Record<string, unknown> | undefined;
  } catch {
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const shown = displayable(value);
    if (shown !== undefined) out[key] = shown;
  }
  return out;
}

/**
 * Checks an image (header, dimensions, completeness), decodes it once to be sure it is readable,
 * and turns it upright (EXIF orientation) over a white ground into the grey pixels the OCR engine
 * reads. Reads its metadata and what in it could identify someone.
 */
export async function prepareImage(bytes: Uint8Array): Promise<PrepareImageResult> {
  const read = readImageHeader(bytes);
  if (!read.ok) return read;
  const { image: header } = read;
  if (header.format === 'heic') {
    return {
      ok: false,
      reason:
        'HEIC photos cannot be decoded here yet. Export the photo as JPEG or PNG (on an iPhone: Settings › Camera › Formats › Most Compatible) and import that.',
    };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: header.mediaType }));
  } catch {
    return {
      ok: false,
      reason: `This ${header.format.toUpperCase()} image is damaged: its header is whole but its picture cannot be decoded.`,
    };
  }
  let ocrInput: Uint8Array;
  const width = bitmap.width;
  const height = bitmap.height;
  try {
    const canvas = new OffscreenCanvas(width, height);
    // Read back, not drawn on screen: a software canvas makes getImageData a plain copy.
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas');
    // A white ground: transparent screenshots otherwise become black text on black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0);
    // Read in bands of rows, so a large photo is never held as RGBA twice over.
    ocrInput = greyPgm(width, height, (y, rows) => context.getImageData(0, y, width, rows).data);
  } finally {
    bitmap.close();
  }
  const metadata = await readImageMetadata(bytes);
  const identifying = findIdentifyingMetadata(metadata);
  const warnings: string[] = [];
  const warning = identifyingMetadataWarning(identifying);
  if (warning) warnings.push(warning);
  return {
    ok: true,
    image: { header, width, height, ocrInput, metadata, identifying, warnings },
  };
}
