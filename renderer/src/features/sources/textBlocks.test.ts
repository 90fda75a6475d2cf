import { describe, expect, it } from 'vitest';
import {
  blockIndexAt,
  pageAt,
  segmentBlock,
  splitIntoBlocks,
  splitIntoPagedBlocks,
  type Mark,
} from './textBlocks';

describe('splitIntoBlocks', () => {
  it('covers the whole text without gaps or overlaps', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Line ${i} of the leaked memo.`).join('\n');
    const blocks = splitIntoBlocks(text, 500, 2000);
    expect(blocks[0]?.start).toBe(0);
    expect(blocks.at(-1)?.end).toBe(text.length);
    for (let i = 1; i < blocks.length; i += 1) expect(blocks[i]?.start).toBe(blocks[i - 1]?.end);
    // Blocks end at line breaks.
    for (const block of blocks.slice(0, -1)) expect(text[block.end - 1]).toBe('\n');
  });

  it('cuts a very long line at a space, or hard when there is none', () => {
    const words = 'word '.repeat(10_000);
    for (const block of splitIntoBlocks(words, 1000, 4000).slice(0, -1)) {
      expect(block.end - block.start).toBeLessThanOrEqual(4000);
      expect(words[block.end - 1]).toBe(' ');
    }
    const blob = 'x'.repeat(20_000);
    expect(splitIntoBlocks(blob, 1000, 4000).map((b) => b.end - b.start)).toEqual([
      4000, 4000, 4000, 4000, 4000,
    ]);
  });

  it('does not split a surrogate pair', () => {
    const emoji = '😀'.repeat(5000);
    for (const block of splitIntoBlocks(emoji, 1000, 3001)) {
      expect(emoji.charCodeAt(block.start)).toBeGreaterThanOrEqual(0xd800);
      expect(emoji.charCodeAt(block.start)).toBeLessThanOrEqual(0xdbff);
    }
  });

  it('handles the empty text', () => {
    expect(splitIntoBlocks('')).toEqual([]);
  });

  it('finds the block of an offset', () => {
    const blocks = [
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 25 },
    ];
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, 9)).toBe(0);
    expect(blockIndexAt(blocks, 10)).toBe(1);
    expect(blockIndexAt(blocks, 24)).toBe(2);
    expect(blockIndexAt(blocks, 25)).toBe(2);
  });
});

describe('segmentBlock', () => {
  const mention: Mark = { start: 5, end: 10, id: 'm', kind: 'mention', label: 'Person' };
  const citation: Mark = { start: 0, end: 20, id: 'c', kind: 'citation', label: 'Cited' };

  it('returns one plain segment without marks', () => {
    expect(segmentBlock({ start: 0, end: 30 }, [])).toEqual([{ start: 0, end: 30, marks: [] }]);
  });

  it('splits at overlapping marks', () => {
    const segments = segmentBlock({ start: 0, end: 30 }, [mention, citation]);
    expect(segments.map((s) => [s.start, s.end, s.marks.map((m) => m.id).join('+')])).toEqual([
      [0, 5, 'c'],
      [5, 10, 'm+c'],
      [10, 20, 'c'],
      [20, 30, ''],
    ]);
  });

  it('clips marks that run over the block edge', () => {
    const segments = segmentBlock({ start: 8, end: 15 }, [mention]);
    expect(segments.map((s) => [s.start, s.end, s.marks.length])).toEqual([
      [8, 10, 1],
      [10, 15, 0],
    ]);
  });
});

describe('splitIntoPagedBlocks', () => {
  it('starts a block at every page and numbers the pages', () => {
    const text = 'page one\n\npage two is here\n\nthree';
    const starts = [0, text.indexOf('page two'), text.indexOf('three')];
    const blocks = splitIntoPagedBlocks(text, starts);
    expect(blocks.map((b) => [text.slice(b.start, b.end), b.page])).toEqual([
      ['page one\n\n', 1],
      ['page two is here\n\n', 2],
      ['three', 3],
    ]);
    expect(pageAt(starts, 0)).toBe(1);
    expect(pageAt(starts, text.indexOf('is here'))).toBe(2);
    expect(pageAt(starts, text.length)).toBe(3);
  });
});
