/**
 * The image the OCR engine reads: 8-bit grey, as a binary PGM ("P5") file. Tesseract turns colour
 * into grey itself before its recogniser sees a pixel; handing it grey pixels from the one decode
 * the import already does skips a PNG encode here, a PNG decode inside the engine and its colour
 * work, and a PGM is read by a plain copy.
 */

/** The PGM header for an image of this size, 8-bit grey. */
export function pgmHeader(width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`An image needs a positive whole size, not ${width} × ${height}.`);
  }
  const text = `P5\n${width} ${height}\n255\n`;
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * Writes the grey value of every RGBA pixel of `rgba` into `out` from `offset`, with the weights
 * Tesseract's image library (Leptonica) uses for its own colour-to-grey step (0.3 red, 0.5 green,
 * 0.2 blue, rounded): the recogniser sees the same grey either way. Alpha is ignored: draw the
 * image over a white ground first. Returns the offset after the last pixel written.
 */
export function rgbaToGrey(rgba: ArrayLike<number>, out: Uint8Array, offset: number): number {
  if (rgba.length % 4 !== 0) throw new RangeError('RGBA pixels come in fours.');
  const pixels = rgba.length / 4;
  if (offset + pixels > out.length) throw new RangeError('The grey image is too small for these pixels.');
  let o = offset;
  for (let i = 0; i < rgba.length; i += 4) {
    out[o] = ((rgba[i] as number) * 3 + (rgba[i + 1] as number) * 5 + (rgba[i + 2] as number) * 2 + 5) / 10;
    o += 1;
  }
  return o;
}

/**
 * Builds the PGM of an image read in bands of rows (so that a large picture is never held as RGBA
 * all at once): `readRows(y, rows)` returns the RGBA pixels of rows `y` to `y + rows - 1`.
 */
export function greyPgm(
  width: number,
  height: number,
  readRows: (y: number, rows: number) => ArrayLike<number>,
  bandRows = 256,
): Uint8Array {
  const header = pgmHeader(width, height);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  let offset = header.length;
  for (let y = 0; y < height; y += bandRows) {
    const rows = Math.min(bandRows, height - y);
    const band = readRows(y, rows);
    if (band.length !== width * rows * 4) {
      throw new RangeError(`Rows ${y}–${y + rows - 1} came back with ${band.length} values, not ${width * rows * 4}.`);
    }
    offset = rgbaToGrey(band, out, offset);
  }
  return out;
}
