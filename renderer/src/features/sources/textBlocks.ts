/** A run of a long text that is rendered as one unit, [start, end). */
export interface TextBlock {
  start: number;
  end: number;
  /** Set on the first block of each page of a paged document (1-based). */
  page?: number;
}

/**
 * Cuts a text into blocks of roughly `target` characters, at line breaks where it can, so that only
 * the blocks on screen need to be in the page. A line longer than `max` is cut at a space, or hard
 * at `max` when it has none (a minified file, a base64 blob).
 */
export function splitIntoBlocks(text: string, target = 2_000, max = 8_000): TextBlock[] {
  const blocks: TextBlock[] = [];
  const length = text.length;
  let start = 0;
  while (start < length) {
    let end = start + target;
    if (end >= length) {
      end = length;
    } else {
      const newline = text.indexOf('\n', end);
      if (newline !== -1 && newline - start < max) {
        end = newline + 1;
      } else {
        const hard = Math.min(length, start + max);
        if (hard >= length) end = length;
        else {
          const space = text.lastIndexOf(' ', hard);
          end = space > start + target / 2 ? space + 1 : hard;
          // Never cut between the two halves of a surrogate pair.
          const code = text.charCodeAt(end - 1);
          if (code >= 0xd800 && code <= 0xdbff) end += 1;
        }
      }
    }
    blocks.push({ start, end });
    start = end;
  }
  return blocks;
}

/**
 * Blocks of a paged document: each page is split on its own, so a page always starts a block and
 * that block knows its page number.
 */
export function splitIntoPagedBlocks(text: string, pageStarts: readonly number[]): TextBlock[] {
  if (pageStarts.length === 0) return splitIntoBlocks(text);
  const blocks: TextBlock[] = [];
  pageStarts.forEach((start, index) => {
    const end = pageStarts[index + 1] ?? text.length;
    if (end <= start) {
      return;
    }
    const page = splitIntoBlocks(text.slice(start, end)).map((block) => ({
      start: block.start + start,
      end: block.end + start,
    }));
    if (page[0]) (page[0] as TextBlock).page = index + 1;
    blocks.push(...page);
  });
  if ((pageStarts[0] ?? 0) > 0) blocks.unshift({ start: 0, end: pageStarts[0] as number });
  return blocks;
}

/** The page (1-based) an offset of a paged text is on. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let page = 1;
  for (let i = 0; i < pageStarts.length; i += 1) {
    if ((pageStarts[i] as number) <= offset) page = i + 1;
    else break;
  }
  return page;
}

/** The index of the block that holds `offset` (the last block for the end of the text). */
export function blockIndexAt(blocks: TextBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((blocks[mid] as TextBlock).start <= offset) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/** A passage to mark in the text. */
export interface Mark {
  start: number;
  end: number;
  id: string;
  /** `uncertain`: a word the OCR engine recognised with low confidence. */
  kind: 'mention' | 'citation' | 'focus' | 'uncertain';
  /** For mentions: the entity type, for its colour. */
  entityType?: string;
  /** Read to screen readers and shown on hover. */
  label: string;
}

/** A piece of a block with the marks that cover all of it. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * Splits a block into segments at every mark boundary inside it, each with the marks covering it,
 * so overlapping marks (a mention inside a cited passage) both show.
 */
export function segmentBlock(block: TextBlock, marks: readonly Mark[]): Segment[] {
  const inside = marks.filter((mark) => mark.start < block.end && mark.end > block.start);
  if (inside.length === 0) return [{ start: block.start, end: block.end, marks: [] }];
  const cuts = new Set<number>([block.start, block.end]);
  for (const mark of inside) {
    cuts.add(Math.max(block.start, mark.start));
    cuts.add(Math.min(block.end, mark.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i += 1) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    if (end <= start) continue;
    segments.push({
      start,
      end,
      marks: inside.filter((mark) => mark.start <= start && mark.end >= end),
    });
  }
  return segments;
}
