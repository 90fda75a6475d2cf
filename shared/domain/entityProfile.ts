import type { Anchor } from '../schemas/anchor';
import type { PartialDate } from '../schemas/partialDate';
import { formatPartialDate, sortKeysOf } from './partialDate';

/** A mention as the entity page needs it. */
export interface ProfileMention {
  id: string;
  entityId: string;
  sourceId: string;
  anchor: Anchor;
}

/** A citation as the entity page needs it. */
export interface ProfileCitation {
  eventId: string;
  sourceId: string;
  anchor: Anchor;
}

/** When something was seen, and how to say it. */
export interface SeenAt {
  at: number;
  label: string;
}

/** What the entity page shows beyond the list of mentions. */
export interface EntityProfile {
  firstSeen?: SeenAt;
  lastSeen?: SeenAt;
  /** Other entities named in the same message (or the same source, outside messages), most first. */
  coOccurring: { entityId: string; count: number }[];
  /** Events that cite a passage where this entity is tagged. */
  citingEventIds: string[];
}

/** The message a passage is in, if any. */
export function messageOf(anchor: Anchor): string | undefined {
  if (anchor.type === 'message') return anchor.messageId;
  if (anchor.type === 'text') return anchor.scope?.messageId;
  return undefined;
}

/** Where a mention is named, for counting co-occurrence: its message, or else its source. */
function contextOf(mention: { sourceId: string; anchor: Anchor }): string {
  const message = messageOf(mention.anchor);
  return message ? `m:${message}` : `s:${mention.sourceId}`;
}

function overlaps(a: Anchor, b: Anchor): boolean {
  const ma = messageOf(a);
  const mb = messageOf(b);
  if (ma || mb) {
    if (ma !== mb) return false;
    if (a.type === 'message' || b.type === 'message') return true;
  }
  if (a.type === 'text' && b.type === 'text') {
    if ((a.scope?.page ?? 0) !== (b.scope?.page ?? 0) && a.scope?.page && b.scope?.page)
      return false;
    return a.position.start < b.position.end && b.position.start < a.position.end;
  }
  return false;
}

/**
 * Works out an entity's page: first and last seen (from the times of the messages it is named in,
 * and the dates of its sources), the entities named alongside it, and the events that cite a
 * passage naming it.
 */
export function buildEntityProfile(input: {
  entityId: string;
  /** Confirmed mentions of the entity. */
  mentions: readonly ProfileMention[];
  /** Confirmed mentions of any entity in the same sources. */
  sourceMentions: readonly ProfileMention[];
  /** Sent times (ISO) of the messages the mentions are in. */
  messageTimes: ReadonlyMap<string, string | undefined>;
  /** Dates of the sources the mentions are in. */
  sourceDates: ReadonlyMap<string, PartialDate | undefined>;
  /** Citations in the same sources. */
  citations: readonly ProfileCitation[];
}): EntityProfile {
  const seen: SeenAt[] = [];
  const contexts = new Set<string>();
  for (const mention of input.mentions) {
    contexts.add(contextOf(mention));
    const message = messageOf(mention.anchor);
    const sent = message ? input.messageTimes.get(message) : undefined;
    const sentAt = sent ? Date.parse(sent) : NaN;
    if (!Number.isNaN(sentAt)) {
      seen.push({ at: sentAt, label: (sent as string).slice(0, 10) });
      continue;
    }
    const date = input.sourceDates.get(mention.sourceId);
    if (date) seen.push({ at: sortKeysOf(date).sortStart, label: formatPartialDate(date) });
  }
  seen.sort((a, b) => a.at - b.at);

  const counts = new Map<string, Set<string>>();
  for (const other of input.sourceMentions) {
    if (other.entityId === input.entityId) continue;
    const context = contextOf(other);
    if (!contexts.has(context)) continue;
    let set = counts.get(other.entityId);
    if (!set) {
      set = new Set();
      counts.set(other.entityId, set);
    }
    set.add(context);
  }
  const coOccurring = [...counts.entries()]
    .map(([entityId, set]) => ({ entityId, count: set.size }))
    .sort((a, b) => b.count - a.count || a.entityId.localeCompare(b.entityId));

  const citing = new Set<string>();
  for (const citation of input.citations) {
    if (
      input.mentions.some(
        (m) => m.sourceId === citation.sourceId && overlaps(m.anchor, citation.anchor),
      )
    )
      citing.add(citation.eventId);
  }
  return {
    ...(seen[0] ? { firstSeen: seen[0] } : {}),
    ...(seen.length > 0 ? { lastSeen: seen[seen.length - 1] as SeenAt } : {}),
    coOccurring,
    citingEventIds: [...citing],
  };
}
