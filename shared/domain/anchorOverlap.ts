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

/** A key that is equal for two anchors on the same passage (same scope and position). */
export function anchorKey(anchor: Anchor): string {
  if (anchor.type === 'text') {
    return `t:${anchor.scope?.messageId ?? ''}:${anchor.scope?.page ?? ''}:${anchor.position.start}:${anchor.position.end}`;
  }
  if (anchor.type === 'message') return `m:${anchor.messageId}`;
  return `r:${anchor.page ?? ''}:${JSON.stringify(anchor.regions)}`;
}

/** Whether two anchors point at the same passage (same position and scope). */
export function sameAnchor(a: Anchor, b: Anchor): boolean {
  return anchorKey(a) === anchorKey(b);
}

/**
 * Whether two text anchors cover some of the same text in the same message or page. Stricter than
 * {@link anchorsOverlap}: a passage with no page and one on page 1 are not compared.
 */
export function textAnchorsOverlap(a: Anchor, b: Anchor): boolean {
  if (a.type !== 'text' || b.type !== 'text') return false;
  if ((a.scope?.messageId ?? '') !== (b.scope?.messageId ?? '')) return false;
  if ((a.scope?.page ?? 0) !== (b.scope?.page ?? 0)) return false;
  return a.position.start < b.position.end && a.position.end > b.position.start;
}
