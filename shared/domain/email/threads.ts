/**
 * Groups emails into threads by their Message-ID, In-Reply-To and References headers: two emails
 * are in one thread when one names the other, directly or through a message they both name (even
 * one that is not in the mailbox). Subjects are not used to join threads: "Re: Invoice" from two
 * different conversations must not be merged.
 */

/** What threading needs from one email. */
export interface ThreadInput {
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string | undefined;
  subject?: string | undefined;
  /** Milliseconds since 1970, for ordering a thread. */
  time?: number | undefined;
}

/** The thread of each email (same order as the input) and each thread's subject. */
export interface Threads {
  threadOf: string[];
  subjects: Map<string, string>;
}

/** The message ids written in a header (`<a@b> <c@d>`), without their angle brackets. */
export function messageIdsIn(header: string | undefined): string[] {
  if (!header) return [];
  const ids = header.match(/<[^<>\s]+>/g);
  if (ids) return ids.map((id) => id.slice(1, -1).toLowerCase());
  const bare = header.trim();
  return bare && !/\s/.test(bare) ? [bare.toLowerCase()] : [];
}

/** A subject without its reply and forward prefixes ("Re: Fwd: R: AW: Invoice" -> "Invoice"). */
export function baseSubject(subject: string | undefined): string {
  let s = (subject ?? '').trim();
  for (;;) {
    const next = s.replace(/^(re|fw|fwd|aw|wg|r|i|sv|vs|tr|rv|antw)(\[\d+\])?\s*:\s*/i, '');
    if (next === s) return s;
    s = next;
  }
}

export function groupThreads(emails: readonly ThreadInput[]): Threads {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps later lookups short.
    let node = id;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (id: string) => {
    if (!parent.has(id)) parent.set(id, id);
  };
  const union = (a: string, b: string) => {
    add(a);
    add(b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const keys = emails.map((email, index) => {
    const own = messageIdsIn(email.messageId)[0] ?? `#${index}`;
    add(own);
    for (const other of [...messageIdsIn(email.references), ...messageIdsIn(email.inReplyTo)]) {
      union(own, other);
    }
    return own;
  });
  const roots = keys.map(find);
  // Name each thread after its earliest email's subject, and give it a stable id: the key of
  // that email.
  const earliest = new Map<string, number>();
  roots.forEach((root, index) => {
    const seen = earliest.get(root);
    const time = emails[index]?.time ?? Infinity;
    const seenTime = seen === undefined ? Infinity : (emails[seen]?.time ?? Infinity);
    if (seen === undefined || time < seenTime) earliest.set(root, index);
  });
  const threadOf = roots.map((root) => keys[earliest.get(root) as number] as string);
  const subjects = new Map<string, string>();
  for (const index of earliest.values()) {
    subjects.set(keys[index] as string, baseSubject(emails[index]?.subject) || '(no subject)');
  }
  return { threadOf, subjects };
}
