import { describe, expect, it } from 'vitest';
import type { Anchor } from '../schemas/anchor';
import { anchorsOverlap } from './anchorOverlap';

const text = (
  start: number,
  end: number,
  scope?: { messageId?: string; page?: number },
  regions?: { x: number; y: number; width: number; height: number }[],
): Anchor => ({
  type: 'text',
  position: { start, end },
  quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
  ...(scope ? { scope } : {}),
  ...(regions ? { regions } : {}),
});

describe('anchorsOverlap', () => {
  it('compares text offsets only within the same message or page', () => {
    expect(anchorsOverlap(text(0, 10), text(5, 15))).toBe(true);
    expect(anchorsOverlap(text(0, 10), text(10, 15))).toBe(false);
    expect(anchorsOverlap(text(0, 10, { messageId: 'a' }), text(5, 8, { messageId: 'a' }))).toBe(
      true,
    );
    expect(anchorsOverlap(text(0, 10, { messageId: 'a' }), text(5, 8, { messageId: 'b' }))).toBe(
      false,
    );
    expect(anchorsOverlap(text(0, 10, { page: 1 }), text(5, 8, { page: 2 }))).toBe(false);
  });

  it('counts a passage inside a whole cited message', () => {
    const whole: Anchor = { type: 'message', messageId: 'a' };
    expect(anchorsOverlap(whole, text(3, 9, { messageId: 'a' }))).toBe(true);
    expect(anchorsOverlap(whole, text(3, 9, { messageId: 'b' }))).toBe(false);
    expect(anchorsOverlap(whole, text(3, 9))).toBe(false);
  });

  it('compares image regions', () => {
    const region: Anchor = { type: 'region', regions: [{ x: 0, y: 0, width: 100, height: 20 }] };
    expect(
      anchorsOverlap(region, text(50, 60, undefined, [{ x: 90, y: 10, width: 30, height: 10 }])),
    ).toBe(true);
    expect(
      anchorsOverlap(region, text(50, 60, undefined, [{ x: 0, y: 40, width: 30, height: 10 }])),
    ).toBe(false);
    expect(anchorsOverlap(region, text(50, 60))).toBe(false);
  });
});
