import type { ImageRegion } from '../../schemas/anchor';
import type { TextRevision } from '../../schemas/records';
import { createTextAnchor, resolveTextAnchor } from '../textAnchor';

/** A word as the OCR engine reports it (Tesseract's layout: blocks > paragraphs > lines > words). */
export interface OcrWordInput {
  text: string;
  /** 0-100. */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** The layout the OCR engine reports, reduced to what Casefile keeps. */
export interface OcrLayoutInput {
  blocks: { paragraphs: { lines: { words: OcrWordInput[] }[] }[] }[] | null;
}

/** A recognised word with where it lies in the text and in the image. */
export type OcrWord = NonNullable<TextRevision['words']>[number];

/** Words recognised with less confidence than this (0-100) are marked for the reporter to check. */
export const LOW_CONFIDENCE = 60;

/**
 * Reads the layout out of Tesseract's TSV output (one row per page, block, paragraph, line and
 * word: level, page, block, paragraph, line and word numbers, left, top, width, height, confidence,
 * text). Only word rows (level 5) carry text; they are grouped by their block, paragraph and line
 * numbers, in the order the engine wrote them. TSV is the cheapest of the engine's outputs that
 * gives every word with its box and confidence.
 */
export function tsvToLayout(tsv: string): OcrLayoutInput {
  type Line = { words: OcrWordInput[] };
  type Paragraph = { lines: Line[] };
  type Block = { paragraphs: Paragraph[] };
  const blocks: Block[] = [];
  let blockKey = '';
  let paragraphKey = '';
  let lineKey = '';
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const [, page, block, paragraph, line, , left, top, width, height, confidence] = cells.map(Number) as number[];
    const text = cells.slice(11).join('\t').replace(/\r$/, '');
    const x0 = left as number;
    const y0 = top as number;
    if (![x0, y0, width, height, confidence].every(Number.isFinite)) continue;
    const bk = `${page}/${block}`;
    const pk = `${bk}/${paragraph}`;
    const lk = `${pk}/${line}`;
    if (bk !== blockKey) {
      blocks.push({ paragraphs: [] });
      blockKey = bk;
      paragraphKey = '';
    }
    const currentBlock = blocks[blocks.length - 1] as Block;
    if (pk !== paragraphKey) {
      currentBlock.paragraphs.push({ lines: [] });
      paragraphKey = pk;
      lineKey = '';
    }
    const currentParagraph = currentBlock.paragraphs[currentBlock.paragraphs.length - 1] as Paragraph;
    if (lk !== lineKey) {
      currentParagraph.lines.push({ words: [] });
      lineKey = lk;
    }
    (currentParagraph.lines[currentParagraph.lines.length - 1] as Line).words.push({
      text,
      confidence: confidence as number,
      bbox: { x0, y0, x1: x0 + (width as number), y1: y0 + (height as number) },
    });
  }
  return { blocks };
}

/**
 * Turns the engine's layout into the text a reporter reads and selects, with every word's offsets
 * in that text and its box in the image: words joined by spaces, lines by a line break, paragraphs
 * by a blank line. The text is built here, not taken from the engine's own text output, so that
 * every character of a word maps to its box.
 */
export function layoutToText(layout: OcrLayoutInput): { text: string; words: OcrWord[] } {
  let text = '';
  const words: OcrWord[] = [];
  const paragraphs = (layout.blocks ?? []).flatMap((block) => block.paragraphs);
  for (const paragraph of paragraphs) {
    const lines = paragraph.lines
      .map((line) => line.words.filter((word) => word.text.trim() !== ''))
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    if (text) text += '\n\n';
    lines.forEach((line, lineIndex) => {
      if (lineIndex > 0) text += '\n';
      line.forEach((word, wordIndex) => {
        if (wordIndex > 0) text += ' ';
        const clean = word.text.trim();
        const start = text.length;
        text += clean;
        words.push({
          start,
          end: text.length,
          x: Math.max(0, word.bbox.x0),
          y: Math.max(0, word.bbox.y0),
          width: Math.max(1, word.bbox.x1 - word.bbox.x0),
          height: Math.max(1, word.bbox.y1 - word.bbox.y0),
          confidence: Math.round(word.confidence * 10) / 10,
        });
      });
    });
  }
  return { text, words };
}

/**
 * The image regions a passage [start, end) of an OCR text covers: the boxes of the words it
 * touches, merged into one box per line so a quote of a sentence is a few rectangles, not dozens.
 */
export function regionsForRange(
  text: string,
  words: readonly OcrWord[],
  start: number,
  end: number,
): ImageRegion[] {
  const regions: ImageRegion[] = [];
  let current: { x0: number; y0: number; x1: number; y1: number; end: number } | undefined;
  for (const word of words) {
    if (word.end <= start || word.start >= end) continue;
    const box = { x0: word.x, y0: word.y, x1: word.x + word.width, y1: word.y + word.height };
    if (current && !text.slice(current.end, word.start).includes('\n')) {
      current.x0 = Math.min(current.x0, box.x0);
      current.y0 = Math.min(current.y0, box.y0);
      current.x1 = Math.max(current.x1, box.x1);
      current.y1 = Math.max(current.y1, box.y1);
      current.end = word.end;
      continue;
    }
    if (current) regions.push(toRegion(current));
    current = { ...box, end: word.end };
  }
  if (current) regions.push(toRegion(current));
  return regions;
}

function toRegion(box: { x0: number; y0: number; x1: number; y1: number }): ImageRegion {
  return { x: box.x0, y: box.y0, width: Math.max(1, box.x1 - box.x0), height: Math.max(1, box.y1 - box.y0) };
}

/**
 * The image regions of a passage of a corrected text: the passage is found again in the OCR text
 * it corrects (by its quote, allowing a few changed characters), and the boxes of the words there
 * are taken. Empty when the passage was typed in and has no counterpart in the image's words.
 */
export function regionsForCorrectedRange(
  correctedText: string,
  start: number,
  end: number,
  ocr: Pick<TextRevision, 'text' | 'words'>,
): ImageRegion[] {
  if (!ocr.words || ocr.words.length === 0) return [];
  if (ocr.text === correctedText) return regionsForRange(ocr.text, ocr.words, start, end);
  let anchor;
  try {
    anchor = createTextAnchor(correctedText, start, end);
  } catch {
    return [];
  }
  const found = resolveTextAnchor(ocr.text, anchor);
  return found ? regionsForRange(ocr.text, ocr.words, found.start, found.end) : [];
}

/** Levenshtein distance between two strings, in code units, with two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/**
 * Character error rate of recognised text against the truth: edit distance over the truth's
 * length, after runs of whitespace are made one space (layout is not what is measured).
 */
export function characterErrorRate(truth: string, recognised: string): number {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const t = norm(truth);
  const r = norm(recognised);
  if (t.length === 0) return r.length === 0 ? 0 : 1;
  return editDistance(t, r) / t.length;
}
