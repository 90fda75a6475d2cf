import { describe, expect, it } from 'vitest';
import {
  characterErrorRate,
  editDistance,
  layoutToText,
  regionsForCorrectedRange,
  regionsForRange,
  type OcrWordInput,
} from './ocrText';

const word = (text: string, x0: number, y0: number, confidence = 95): OcrWordInput => ({
  text,
  confidence,
  bbox: { x0, y0, x1: x0 + text.length * 10, y1: y0 + 20 },
});

const layout = {
  blocks: [
    {
      paragraphs: [
        {
          lines: [
            { words: [word('Transfer', 10, 10), word('40,000', 100, 10, 41.25)] },
            { words: [word('to', 10, 40), word('Halvorsen', 40, 40), word(' ', 0, 0)] },
          ],
        },
        { lines: [{ words: [word('Approved.', 10, 100)] }] },
      ],
    },
  ],
};

describe('layoutToText', () => {
  it('joins words, lines and paragraphs and keeps every word’s offsets and box', () => {
    const { text, words } = layoutToText(layout);
    expect(text).toBe('Transfer 40,000\nto Halvorsen\n\nApproved.');
    expect(words).toHaveLength(5);
    for (const w of words) expect(text.slice(w.start, w.end)).not.toMatch(/\s/);
    expect(words[1]).toEqual({ start: 9, end: 15, x: 100, y: 10, width: 60, height: 20, confidence: 41.3 });
    expect(layoutToText({ blocks: null })).toEqual({ text: '', words: [] });
  });
});

describe('regionsForRange', () => {
  it('merges the boxes of a passage into one per line', () => {
    const { text, words } = layoutToText(layout);
    const start = text.indexOf('40,000');
    const end = text.indexOf('Halvorsen') + 'Halvorsen'.length;
    expect(regionsForRange(text, words, start, end)).toEqual([
      { x: 100, y: 10, width: 60, height: 20 },
      { x: 10, y: 40, width: 120, height: 20 },
    ]);
    expect(regionsForRange(text, words, 0, 3)).toEqual([{ x: 10, y: 10, width: 80, height: 20 }]);
  });

  it('finds the boxes of a passage of a corrected text in the OCR text it corrects', () => {
    const ocr = layoutToText(layout);
    const corrected = 'Transfer 40,000\nto Halvorsen Ltd\n\nApproved.';
    const start = corrected.indexOf('Halvorsen');
    expect(regionsForCorrectedRange(corrected, start, start + 9, ocr)).toEqual([
      { x: 40, y: 40, width: 90, height: 20 },
    ]);
    const typed = corrected.indexOf('Ltd');
    expect(regionsForCorrectedRange(corrected, typed, typed + 3, ocr)).toEqual([]);
  });
});

describe('characterErrorRate', () => {
  it('counts edits over the length of the truth, ignoring layout whitespace', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(characterErrorRate('Tesseract.js', 'Tesseract.js\n')).toBe(0);
    expect(characterErrorRate('abcd\n\nefgh', 'abcd efgx')).toBeCloseTo(1 / 9);
    expect(characterErrorRate('', '')).toBe(0);
  });
});
