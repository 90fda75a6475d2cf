import type { Anchor, ImageRegion } from '../schemas/anchor';

function regionsMeet(a: readonly ImageRegion[], b: readonly ImageRegion[]): boolean {
  return a.some((r) =>
    b.some(
      (s) =>
        r.x < s.x + s.width && s.x < r.x + r.width && r.y < s.y + s.height && s.y < r.y + r.height,
    ),
  );
}

/** The message an anchor lies in, if it is scoped to one. */
function messageOf(anchor: Anchor): string | undefined {
  if (anchor.type === 'message') return anchor.messageId;
  if (anchor.type === 'text') return anchor.scope?.messageId;
  return undefined;
}

/** The page an anchor lies on, if it says. */
function pageOf(anchor: Anchor): number | undefined {
  if (anchor.type === 'text') return anchor.scope?.page;
  if (anchor.type === 'region') return anchor.page;
  return undefined;
}

/**
 * True when two anchors in the same source cover some of the same material: overlapping text in
 * the same message or page, a passage inside a whole cited message, or image regions that meet.
 * Offsets are only compared within one scope: offset 10 of one chat message says nothing about
 * offset 10 of another.
 */
export function anchorsOverlap(a: Anchor, b: Anchor): boolean {
  const messageA = messageOf(a);
  const messageB = messageOf(b);
  if (messageA !== messageB) return false;
  if (a.type === 'message' || b.type === 'message') return messageA !== undefined;
  if (pageOf(a) !== pageOf(b) && pageOf(a) !== undefined && pageOf(b) !== undefined) return false;
  if (a.type === 'text' && b.type === 'text') {
    if (a.position.start < b.position.end && b.position.start < a.position.end) return true;
    return Boolean(a.regions && b.regions && regionsMeet(a.regions, b.regions));
  }
  const regionsA = a.type === 'region' ? a.regions : a.regions;
  const regionsB = b.type === 'region' ? b.regions : b.regions;
  return Boolean(regionsA && regionsB && regionsMeet(regionsA, regionsB));
}
