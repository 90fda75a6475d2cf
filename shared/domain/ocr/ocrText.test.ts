import { describe, expect, it } from 'vitest';
import {
  characterErrorRate,
  editDistance,
  layoutToText,
  regionsForCorrectedRange,
  regionsForRange,
  tsvToLayout,
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

describe('tsvToLayout', () => {
  // Rows as Tesseract writes them (level, page, block, paragraph, line, word, left, top, width,
  // height, confidence, text); a header row as the command-line renderer adds it.
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t1080\t1920\t-1\t',
    '2\t1\t1\t0\t0\t0\t10\t10\t150\t50\t-1\t',
    '3\t1\t1\t1\t0\t0\t10\t10\t150\t50\t-1\t',
    '4\t1\t1\t1\t1\t0\t10\t10\t150\t20\t-1\t',
    '5\t1\t1\t1\t1\t1\t10\t10\t80\t20\t95\tTransfer',
    '5\t1\t1\t1\t1\t2\t100\t10\t60\t20\t41.25\t40,000',
    '4\t1\t1\t1\t2\t0\t10\t40\t120\t20\t-1\t',
    '5\t1\t1\t1\t2\t1\t10\t40\t20\t20\t95\tto',
    '5\t1\t1\t1\t2\t2\t40\t40\t90\t20\t95\tHalvorsen',
    '5\t1\t1\t1\t2\t3\t0\t0\t10\t20\t95\t ',
    '3\t1\t1\t2\t0\t0\t10\t100\t90\t20\t-1\t',
    '5\t1\t1\t2\t1\t1\t10\t100\t90\t20\t95\tApproved.',
    '2\t1\t2\t0\t0\t0\t10\t300\t90\t20\t-1\t',
    '5\t1\t2\t1\t1\t1\t10\t300\t50\t20\t88\t09:30',
    '',
  ].join('\n');

  it('groups word rows into blocks, paragraphs and lines, with boxes and confidences', () => {
    const read = tsvToLayout(tsv);
    expect(read.blocks).toHaveLength(2);
    expect(read.blocks?.[0]?.paragraphs).toHaveLength(2);
    expect(read.blocks?.[0]?.paragraphs[0]?.lines.map((l) => l.words.map((w) => w.text))).toEqual([
      ['Transfer', '40,000'],
      ['to', 'Halvorsen', ' '],
    ]);
    expect(read.blocks?.[0]?.paragraphs[0]?.lines[0]?.words[1]).toEqual({
      text: '40,000',
      confidence: 41.25,
      bbox: { x0: 100, y0: 10, x1: 160, y1: 30 },
    });
    const { text, words } = layoutToText(read);
    expect(text).toBe('Transfer 40,000\nto Halvorsen\n\nApproved.\n\n09:30');
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Transfer', '40,000', 'to', 'Halvorsen', 'Approved.', '09:30']);
  });

  it('reads the same layout as the engine’s block output', () => {
    const rows = tsv.split('\n').filter((row) => !/^[234]\t/.test(row) && !row.includes('09:30')).join('\r\n');
    expect(layoutToText(tsvToLayout(rows))).toEqual(layoutToText(layout));
  });

  it('yields no blocks for empty or foreign text', () => {
    expect(tsvToLayout('')).toEqual({ blocks: [] });
    expect(tsvToLayout('not\ta\ttsv')).toEqual({ blocks: [] });
    expect(layoutToText(tsvToLayout('1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n'))).toEqual({ text: '', words: [] });
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
